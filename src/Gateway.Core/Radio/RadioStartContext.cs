using Gateway.Core.Model;
using Gateway.Core.Persistence;

namespace Gateway.Core.Radio;

/// <summary>What a radio is told when it starts: the devices of its protocol the setup already holds.</summary>
public sealed record RadioStartContext(IReadOnlyList<KnownDevice> KnownDevices)
{
    public static readonly RadioStartContext Empty = new([]);

    /// <summary>Where the radio keeps its own settings across restarts; null when the gateway runs without storage.</summary>
    public IRadioSettingsStore? Settings { get; init; }
}

/// <summary>
/// A device the gateway already knows. Radios keep what they need to talk to it again after a restart (profile,
/// keys, sender offsets …) in its attributes. <see cref="States"/> are the last states the gateway stored for it.
/// </summary>
public sealed record KnownDevice(string Address, string ControllableName, IReadOnlyList<DeviceState> Attributes)
{
    /// <summary>The device's last stored states; empty when not given.</summary>
    public IReadOnlyList<DeviceState> States { get; init; } = [];

    public string? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name) is { } a && a.Value.ValueKind == System.Text.Json.JsonValueKind.String
        ? a.Value.GetString()
        : null;
}
