using System.Text.Json.Serialization;
using Gateway.Core.Executions;

namespace Gateway.Core.Events;

public sealed record ExecutionRegisteredEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("execId")] string ExecId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("actions")] IReadOnlyList<ActionRecord> Actions) : GatewayEvent
{
    [JsonPropertyName("type")] public int Type => 1;
    [JsonPropertyName("subType")] public int SubType => 1;
    public override string Name => "ExecutionRegisteredEvent";
}
