using System.Text.Json.Serialization;

namespace Gateway.Core.Executions;

[JsonConverter(typeof(JsonStringEnumConverter<ExecutionState>))]
public enum ExecutionState
{
    [JsonStringEnumMemberName("INITIALIZED")] Initialized,
    [JsonStringEnumMemberName("NOT_TRANSMITTED")] NotTransmitted,
    [JsonStringEnumMemberName("TRANSMITTED")] Transmitted,
    [JsonStringEnumMemberName("IN_PROGRESS")] InProgress,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("FAILED")] Failed,
}
