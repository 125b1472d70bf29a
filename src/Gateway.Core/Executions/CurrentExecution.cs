using System.Text.Json.Serialization;

namespace Gateway.Core.Executions;

/// <summary>A running execution as GET /exec/current shows it.</summary>
public sealed record CurrentExecution(
    [property: JsonPropertyName("startTime")] long StartTime,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("actionGroup")] ActionGroupView ActionGroup,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] ExecutionState State)
{
    [JsonPropertyName("executionType")] public string ExecutionType => Kind.Type;
    [JsonPropertyName("executionSubType")] public string ExecutionSubType => Kind.SubType;
    [JsonIgnore] public ExecutionKind Kind { get; init; } = ExecutionKind.Manual;
}
