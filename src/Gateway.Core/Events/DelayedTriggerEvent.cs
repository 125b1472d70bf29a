using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>DelayedTriggerSetEvent or DelayedTriggerCancelledEvent, for scheduled executions.</summary>
public sealed record DelayedTriggerEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("triggerId")] string TriggerId,
    [property: JsonIgnore] bool Set) : GatewayEvent
{
    public override string Name => Set ? "DelayedTriggerSetEvent" : "DelayedTriggerCancelledEvent";
}
