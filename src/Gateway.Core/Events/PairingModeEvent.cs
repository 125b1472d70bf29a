using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>
/// A radio's learn mode opened, closed or timed out, named as Overkiz names it per protocol
/// (EnOceanLearnStartedEvent, EnOceanLearnStoppedEvent, EnOceanLearnModeTimeoutEvent …).
/// </summary>
public sealed record PairingModeEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("gatewayId")] string GatewayId,
    [property: JsonIgnore] string Protocol,
    [property: JsonIgnore] bool Active,
    [property: JsonIgnore] bool TimedOut) : GatewayEvent
{
    public override string Name => (Protocol, Active, TimedOut) switch
    {
        ("enocean", true, _) => "EnOceanLearnStartedEvent",
        ("enocean", false, true) => "EnOceanLearnModeTimeoutEvent",
        ("enocean", false, false) => "EnOceanLearnStoppedEvent",
        (_, true, _) => "PairingModeStartedEvent",
        (_, false, _) => "PairingModeStoppedEvent",
    };
}
