using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>A device of the setup changed its label, place or metadata.</summary>
public sealed record DeviceUpdatedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("controllableName")] string ControllableName,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("placeOID")] string PlaceOid,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata = null) : GatewayEvent
{
    public override string Name => "DeviceUpdatedEvent";
}
