using System.Text.Json.Serialization;
using Gateway.Core.Executions;

namespace Gateway.Core.Events;

public sealed record CommandExecutionStateChangedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("execId")] string ExecId,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("newState")] ExecutionState NewState,
    [property: JsonPropertyName("failureType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureType) : GatewayEvent
{
    public override string Name => "CommandExecutionStateChangedEvent";
}
