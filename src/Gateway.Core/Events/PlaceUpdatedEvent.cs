using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

public sealed record PlaceUpdatedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("placeOID")] string PlaceOid,
    [property: JsonPropertyName("parentPlaceOID"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentPlaceOid,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata) : GatewayEvent
{
    public override string Name => "PlaceUpdatedEvent";
}
