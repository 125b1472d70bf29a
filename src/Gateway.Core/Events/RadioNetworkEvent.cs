using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>
/// A radio network operation ended, named as Overkiz names it per protocol: ZigbeeCreateNetworkCompletedEvent,
/// ZigbeeLeaveNetworkFailedEvent … A failed one carries a failureType.
/// </summary>
public sealed record RadioNetworkEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("gatewayId")] string GatewayId,
    [property: JsonIgnore] string Protocol,
    [property: JsonIgnore] string Operation,
    [property: JsonPropertyName("failureType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailureType) : GatewayEvent
{
    // Z-Wave events say Complete where the others say Completed (ZWaveSetModeCompleteEvent, ZWaveResetCompleteEvent).
    public override string Name => $"{ProtocolPrefix(Protocol)}{Operation}{(FailureType is null ? Protocol == "zwave" ? "Complete" : "Completed" : "Failed")}Event";

    internal static string ProtocolPrefix(string protocol) => protocol switch
    {
        "zigbee" => "Zigbee",
        "zwave" => "ZWave",
        "enocean" => "EnOcean",
        _ => protocol.Length == 0 ? "" : char.ToUpperInvariant(protocol[0]) + protocol[1..],
    };
}
