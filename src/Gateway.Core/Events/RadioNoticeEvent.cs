using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>A radio network notice, named per protocol: ZWaveExclusionInOtherNetworkEvent …</summary>
public sealed record RadioNoticeEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("gatewayId")] string GatewayId,
    [property: JsonIgnore] string Protocol,
    [property: JsonIgnore] string Notice) : GatewayEvent
{
    public override string Name => $"{RadioNetworkEvent.ProtocolPrefix(Protocol)}{Notice}Event";
}
