using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>DeviceAvailableEvent or DeviceUnavailableEvent, depending on <see cref="Available"/>.</summary>
public sealed record DeviceAvailabilityEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonIgnore] bool Available) : GatewayEvent
{
    public override string Name => Available ? "DeviceAvailableEvent" : "DeviceUnavailableEvent";
}
