using Gateway.Core.Executions;
using Microsoft.Data.Sqlite;

namespace Gateway.Storage;

/// <summary>
/// An executions-table row read as history. Both readers select the same twelve columns in the same order: id, label,
/// owner, source, start_time, end_time, state, failure_type, actions_json, failed_commands_json, execution_type,
/// execution_sub_type.
/// </summary>
internal static class StoredExecutionRow
{
    public static HistoryExecution ToHistory(SqliteDataReader reader, IReadOnlyList<ActionRecord> actions, IReadOnlyList<FailedCommand> failed) => new()
    {
        Id = reader.GetString(0),
        Label = reader.IsDBNull(1) ? "" : reader.GetString(1),
        Owner = reader.IsDBNull(2) ? "" : reader.GetString(2),
        Source = reader.IsDBNull(3) ? "" : reader.GetString(3),
        EventTime = reader.GetInt64(4),
        EffectiveStartTime = reader.GetInt64(4),
        EndTime = reader.GetInt64(5),
        State = reader.GetString(6) == "COMPLETED" ? ExecutionState.Completed : ExecutionState.Failed,
        FailureType = reader.IsDBNull(7) ? FailureType.NoFailure.Name : reader.GetString(7),
        Actions = actions,
        FailedCommands = failed,
        Kind = ExecutionKind.FromStored(reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11)),
    };
}
