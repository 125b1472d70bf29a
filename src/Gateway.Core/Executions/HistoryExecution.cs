using System.Text.Json.Serialization;

namespace Gateway.Core.Executions;

/// <summary>A finished execution as kept in history (GET /history/executions shape).</summary>
public sealed record HistoryExecution
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("eventTime")] public required long EventTime { get; init; }
    [JsonPropertyName("owner")] public required string Owner { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("type")] public string Type => Kind.Type;
    [JsonPropertyName("subType")] public string SubType => Kind.SubType;
    [JsonIgnore] public ExecutionKind Kind { get; init; } = ExecutionKind.Manual;
    [JsonPropertyName("effectiveStartTime")] public required long EffectiveStartTime { get; init; }
    [JsonPropertyName("endTime")] public required long EndTime { get; init; }
    [JsonPropertyName("duration")] public long Duration => EndTime - EffectiveStartTime;
    [JsonPropertyName("state")] public required ExecutionState State { get; init; }
    [JsonPropertyName("failureType")] public required string FailureType { get; init; }
    [JsonPropertyName("failedCommands")] public IReadOnlyList<FailedCommand> FailedCommands { get; init; } = [];
    [JsonPropertyName("actions")] public required IReadOnlyList<ActionRecord> Actions { get; init; }
}
