using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

public sealed record DeviceDeletionFailedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("failureType")] string FailureType) : GatewayEvent
{
    public override string Name => "DeviceDeletionFailedEvent";
}
