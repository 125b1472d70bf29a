using System.Text.Json.Serialization;
using Gateway.Core.Executions;

namespace Gateway.Core.Events;

public sealed record ExecutionStateChangedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("execId")] string ExecId,
    [property: JsonPropertyName("ownerKey")] string OwnerKey,
    [property: JsonPropertyName("oldState")] ExecutionState OldState,
    [property: JsonPropertyName("newState")] ExecutionState NewState,
    [property: JsonPropertyName("timeToNextState")] int TimeToNextState,
    [property: JsonPropertyName("failureType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureType,
    [property: JsonPropertyName("failureTypeCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FailureTypeCode,
    [property: JsonPropertyName("failedCommands"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FailedCommand>? FailedCommands) : GatewayEvent
{
    [JsonPropertyName("type")] public int Type => 1;
    [JsonPropertyName("subType")] public int SubType => 1;
    public override string Name => "ExecutionStateChangedEvent";
}
