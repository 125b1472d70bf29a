using System.Text.Json.Serialization;
using Gateway.Core.Model;

namespace Gateway.Core.Events;

public sealed record DeviceCreatedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("controllableName")] string ControllableName,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("placeOID")] string PlaceOid,
    [property: JsonPropertyName("deviceAttributes")] IReadOnlyList<DeviceState> DeviceAttributes) : GatewayEvent
{
    public override string Name => "DeviceCreatedEvent";
}
