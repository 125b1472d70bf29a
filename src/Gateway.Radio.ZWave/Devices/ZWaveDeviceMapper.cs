using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Nodes;

namespace Gateway.Radio.ZWave.Devices;

/// <summary>Which catalog kind a node (or one of its Multi Channel endpoints) becomes, from its device class and command classes.</summary>
public static class ZWaveDeviceMapper
{
    public const byte GenericMultilevelSwitch = 0x11;

    /// <summary>Multilevel Switch specific classes that drive a motor (multiposition motor, motor control A/B/C).</summary>
    private static readonly byte[] MotorClasses = [0x03, 0x05, 0x06, 0x07];

    /// <summary>The command classes that make a node controllable or readable by the gateway.</summary>
    public static readonly byte[] UsableCommandClasses =
    [
        CommandClassId.SwitchBinary, CommandClassId.SwitchMultilevel, CommandClassId.SensorBinary, CommandClassId.SensorMultilevel,
        CommandClassId.Meter, CommandClassId.Notification, CommandClassId.ThermostatMode, CommandClassId.ThermostatSetpoint, CommandClassId.CentralScene,
    ];

    /// <summary>The kind and a label of the node's root device, or null when the node offers nothing the gateway shows.</summary>
    public static (string ControllableName, string Label)? Map(ZWaveNode node) =>
        Map(node.Generic, node.Specific, node.CommandClasses, node.NotificationTypes) is { } kind ? (kind, Label(kind, node.NodeId.ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;

    /// <summary>The kind and a label of one endpoint of a node.</summary>
    public static (string ControllableName, string Label)? Map(ZWaveNode node, ZWaveEndpoint endpoint) =>
        Map(endpoint.Generic, endpoint.Specific, endpoint.CommandClasses, node.NotificationTypes) is { } kind ? (kind, Label(kind, $"{node.NodeId}#{endpoint.Index}")) : null;

    /// <summary>
    /// The devices a node becomes: one per endpoint that maps to a kind (the root then only mirrors them and is
    /// left out), or its root alone.
    /// </summary>
    public static IReadOnlyList<(ZWaveDeviceAddress Address, string ControllableName, string Label)> Devices(ZWaveNode node)
    {
        var endpoints = node.Endpoints.Select(e => (e, kind: Map(node, e))).Where(x => x.kind is not null)
            .Select(x => (new ZWaveDeviceAddress(node.NodeId, x.e.Index), x.kind!.Value.ControllableName, x.kind.Value.Label)).ToList();
        if (endpoints.Count > 0) return endpoints;
        return Map(node) is { } root ? [(new ZWaveDeviceAddress(node.NodeId, 0), root.ControllableName, root.Label)] : [];
    }

    private static string Label(string kind, string where) => $"Z-Wave {kind["zwave:".Length..^"Component".Length]} {where}";

    private static string? Map(byte generic, byte specific, IReadOnlyList<byte> commandClasses, IReadOnlyList<byte> notificationTypes) =>
        commandClasses.Contains(CommandClassId.ThermostatSetpoint) || commandClasses.Contains(CommandClassId.ThermostatMode) ? ZWaveControllableNames.Thermostat
        : commandClasses.Contains(CommandClassId.SwitchMultilevel) ? generic == GenericMultilevelSwitch && MotorClasses.Contains(specific)
            ? ZWaveControllableNames.RollerShutter : ZWaveControllableNames.DimmerLight
        : commandClasses.Contains(CommandClassId.SwitchBinary) ? ZWaveControllableNames.OnOffSwitch
        : commandClasses.Contains(CommandClassId.CentralScene) ? ZWaveControllableNames.SceneController
        : commandClasses.Contains(CommandClassId.SensorMultilevel) ? ZWaveControllableNames.MultiSensor
        : commandClasses.Contains(CommandClassId.Notification) ? NotificationKind(notificationTypes)
        : commandClasses.Contains(CommandClassId.SensorBinary) ? ZWaveControllableNames.ContactSensor
        : commandClasses.Contains(CommandClassId.Meter) ? ZWaveControllableNames.ElectricityMeter
        : null;

    private static string NotificationKind(IReadOnlyList<byte> types) =>
        types.Contains(NotificationCommandClass.AccessControl) ? ZWaveControllableNames.ContactSensor
        : types.Contains(NotificationCommandClass.Smoke) ? ZWaveControllableNames.SmokeSensor
        : types.Contains(NotificationCommandClass.Water) ? ZWaveControllableNames.WaterDetectionSensor
        : types.Contains(NotificationCommandClass.HomeSecurity) ? ZWaveControllableNames.MotionSensor
        : ZWaveControllableNames.ContactSensor;
}
