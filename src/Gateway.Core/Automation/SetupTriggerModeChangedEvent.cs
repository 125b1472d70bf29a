using System.Text.Json.Serialization;
using Gateway.Core.Events;

namespace Gateway.Core.Automation;

public sealed record SetupTriggerModeChangedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("setupTriggerType")] int SetupTriggerType,
    [property: JsonPropertyName("setupTriggerOID")] string SetupTriggerOid,
    [property: JsonPropertyName("newMode")] int NewMode) : GatewayEvent
{
    public override string Name => "SetupTriggerModeChangedEvent";
}
