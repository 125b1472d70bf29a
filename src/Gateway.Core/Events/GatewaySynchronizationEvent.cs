using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>GatewaySynchronizationStartedEvent or GatewaySynchronizationEndedEvent.</summary>
public sealed record GatewaySynchronizationEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("gatewayId")] string GatewayId,
    [property: JsonIgnore] bool Started) : GatewayEvent
{
    public override string Name => Started ? "GatewaySynchronizationStartedEvent" : "GatewaySynchronizationEndedEvent";
}
