using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

public sealed record DeviceRemovedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("controllableName")] string ControllableName) : GatewayEvent
{
    public override string Name => "DeviceRemovedEvent";
}
