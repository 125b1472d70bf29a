using System.Text.Json.Serialization;
using Gateway.Core.Executions;

namespace Gateway.Api.Contracts;

/// <summary>A finished execution in the shape of /history/lastExecutions and /history/executions/{execId}.</summary>
public sealed record ExecutionHistoryView
{
    [JsonPropertyName("eventTime")] public required long EventTime { get; init; }
    [JsonPropertyName("owner")] public required string Owner { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("endTime")] public required long EndTime { get; init; }
    [JsonPropertyName("effectiveStartTime")] public required long EffectiveStartTime { get; init; }
    [JsonPropertyName("duration")] public required long Duration { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("state")] public required string State { get; init; }
    [JsonPropertyName("failureType")] public required string FailureType { get; init; }
    [JsonPropertyName("commands")] public required IReadOnlyList<ExecutionCommandView> Commands { get; init; }
    [JsonPropertyName("executionType")] public required string ExecutionType { get; init; }
    [JsonPropertyName("executionSubType")] public required string ExecutionSubType { get; init; }

    /// <summary>
    /// One entry per command, ranked within its device's action as the command events are. A failed command carries
    /// the failure; the commands of that action after it never ran.
    /// </summary>
    public static ExecutionHistoryView Of(HistoryExecution execution)
    {
        var commands = new List<ExecutionCommandView>();
        var completed = execution.State == ExecutionState.Completed;
        foreach (var action in execution.Actions)
        {
            var failure = execution.FailedCommands.FirstOrDefault(f => f.DeviceUrl == action.DeviceUrl);
            for (var rank = 0; rank < action.Commands.Count; rank++)
            {
                var command = action.Commands[rank];
                var (state, failureType) = failure is null
                    ? (completed ? "COMPLETED" : "FAILED", completed ? Gateway.Core.Executions.FailureType.NoFailure.Name : execution.FailureType)
                    : rank < failure.Rank ? ("COMPLETED", Gateway.Core.Executions.FailureType.NoFailure.Name)
                    : rank == failure.Rank ? ("FAILED", failure.FailureType)
                    : ("NOT_TRANSMITTED", Gateway.Core.Executions.FailureType.NoFailure.Name);
                commands.Add(new ExecutionCommandView(action.DeviceUrl, command.Name, command.Parameters ?? [], rank, false, command.Delay ?? 0, state, failureType));
            }
        }
        return new ExecutionHistoryView
        {
            EventTime = execution.EventTime,
            Owner = execution.Owner,
            Source = execution.Source,
            EndTime = execution.EndTime,
            EffectiveStartTime = execution.EffectiveStartTime,
            Duration = execution.Duration,
            Id = execution.Id,
            Label = execution.Label,
            Type = $"{execution.Kind.Type} - {execution.Kind.SubType}",
            State = completed ? "COMPLETED" : "FAILED",
            FailureType = execution.FailureType,
            Commands = commands,
            ExecutionType = execution.Kind.Type,
            ExecutionSubType = execution.Kind.SubType,
        };
    }
}
