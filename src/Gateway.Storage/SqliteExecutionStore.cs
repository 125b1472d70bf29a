using System.Text.Json;
using Gateway.Core.Cloud;
using Gateway.Core.Executions;
using Gateway.Core.Json;
using Gateway.Core.Limits;
using Gateway.Core.Persistence;
using Gateway.Storage.Cloud;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage;

/// <summary>Executions: a row written when one is accepted, completed when it ends; the finished ones are the history.</summary>
public sealed class SqliteExecutionStore(SqliteDatabase database) : IExecutionStore
{
    private const string Interrupted = "INTERRUPTED_BY_RESTART";
    private const int MaxReported = 1000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    public Task RecordStartedAsync(string id, ExecutionRequest request, long startTime, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO executions (id, label, owner, source, start_time, state, actions_json, execution_type, execution_sub_type)
                VALUES ($id, $label, $owner, $source, $start, 'INITIALIZED', $actions, $type, $subType)
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$label", request.Label);
            command.Parameters.AddWithValue("$owner", request.Owner);
            command.Parameters.AddWithValue("$source", request.Source);
            command.Parameters.AddWithValue("$start", startTime);
            command.Parameters.AddWithValue("$type", request.Kind.Type);
            command.Parameters.AddWithValue("$subType", request.Kind.SubType);
            command.Parameters.AddWithValue("$actions", JsonSerializer.Serialize(request.Actions, GatewayJsonContext.Default.IReadOnlyListActionRecord));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await database.CommitAsync(connection, transaction, cancellationToken,
                database.CloudOutbox is null ? null : [ExecutionRecordUplink.Started(id, request, startTime)]);
        }, cancellationToken);

    public Task RecordFinishedAsync(HistoryExecution execution, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE executions SET end_time = $end, state = $state, failure_type = $failure, failed_commands_json = $failed
                WHERE id = $id
                """;
            command.Parameters.AddWithValue("$id", execution.Id);
            command.Parameters.AddWithValue("$end", execution.EndTime);
            command.Parameters.AddWithValue("$state", StateName(execution.State));
            command.Parameters.AddWithValue("$failure", execution.FailureType);
            command.Parameters.AddWithValue("$failed", JsonSerializer.Serialize(execution.FailedCommands, GatewayJsonContext.Default.IReadOnlyListFailedCommand));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await database.CommitAsync(connection, transaction, cancellationToken,
                database.CloudOutbox is null ? null : [ExecutionRecordUplink.Finished(execution)]);
        }, cancellationToken);

    public Task<int> FailUnfinishedAsync(long now, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE executions SET end_time = $now, state = 'FAILED', failure_type = $failure WHERE end_time IS NULL
                """;
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$failure", Interrupted);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Ids of executions a previous run left unfinished: a read, so it works on a full disk.</summary>
    public Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM executions WHERE end_time IS NULL";
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            return ids;
        }, cancellationToken);

    /// <summary>Records the given executions (left unfinished by a previous run) as failed by the restart.</summary>
    public Task<int> FailInterruptedAsync(IReadOnlyList<string> ids, long now, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE executions SET end_time = $now, state = 'FAILED', failure_type = $failure WHERE id = $id AND end_time IS NULL
                """;
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$failure", Interrupted);
            var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
            var changed = 0;
            var uplink = new List<OutboxMessage>();
            foreach (var each in ids)
            {
                id.Value = each;
                var updated = await command.ExecuteNonQueryAsync(cancellationToken);
                changed += updated;
                if (updated > 0 && database.CloudOutbox is not null) uplink.Add(ExecutionRecordUplink.Interrupted(each, now, Interrupted));
            }
            await database.CommitAsync(connection, transaction, cancellationToken, uplink);
            return changed;
        }, cancellationToken);

    /// <summary>
    /// Deletes finished executions past the newest <paramref name="keep"/> and those that ended before
    /// <paramref name="endedBefore"/>; returns how many went. Unfinished ones are never touched.
    /// </summary>
    public Task<int> PruneAsync(int keep, long endedBefore, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM executions WHERE end_time IS NOT NULL AND (end_time < $endedBefore OR id IN (
                    SELECT id FROM executions WHERE end_time IS NOT NULL ORDER BY start_time DESC, id LIMIT -1 OFFSET $keep))
                """;
            command.Parameters.AddWithValue("$keep", Math.Max(0, keep));
            command.Parameters.AddWithValue("$endedBefore", endedBefore);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<HistoryExecution>> LoadHistoryAsync(int limit, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<HistoryExecution>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id, substr(label, 1, $label), substr(owner, 1, $label), substr(source, 1, $label), start_time, end_time, state,
                       substr(failure_type, 1, $label),
                       CASE WHEN length(actions_json) <= $max THEN actions_json END,
                       CASE WHEN length(failed_commands_json) <= $max THEN failed_commands_json END,
                       substr(execution_type, 1, $label), substr(execution_sub_type, 1, $label)
                FROM executions WHERE end_time IS NOT NULL ORDER BY start_time DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$label", ApiLimits.MaxLabelLength);
            command.Parameters.AddWithValue("$max", ApiLimits.MaxStoredDocumentLength);
            var history = new List<HistoryExecution>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                var actions = reader.IsDBNull(8) ? null : StoredJson.ReadOne(reader.GetString(8), GatewayJsonContext.Default.IReadOnlyListActionRecord, _ => { });
                var failed = reader.IsDBNull(9) ? null : StoredJson.ReadOne(reader.GetString(9), GatewayJsonContext.Default.IReadOnlyListFailedCommand, _ => { });
                if (actions is null || failed is null)
                {
                    // Listed on every read of the history: reported once per row, not on every request.
                    if (_reported.Count < MaxReported && _reported.TryAdd(id, 0))
                        database.Logger.LogError("Stored execution {ExecId} cannot be read and is left out of the history", id);
                    continue;
                }
                history.Add(StoredExecutionRow.ToHistory(reader, actions, failed));
            }
            return history;
        }, cancellationToken);

    private static string StateName(ExecutionState state) => state == ExecutionState.Completed ? "COMPLETED" : "FAILED";
}
