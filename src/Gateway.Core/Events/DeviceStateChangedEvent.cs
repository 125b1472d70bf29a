using System.Text.Json.Serialization;
using Gateway.Core.Model;

namespace Gateway.Core.Events;

/// <summary>Shape as a local box sends it: deviceURL, deviceStates, name (no timestamp).</summary>
public sealed record DeviceStateChangedEvent(
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("deviceStates")] IReadOnlyList<DeviceState> DeviceStates) : GatewayEvent
{
    public override string Name => "DeviceStateChangedEvent";
}
