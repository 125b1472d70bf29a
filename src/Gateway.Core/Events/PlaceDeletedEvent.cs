using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

public sealed record PlaceDeletedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("placeOID")] string PlaceOid) : GatewayEvent
{
    public override string Name => "PlaceDeletedEvent";
}
