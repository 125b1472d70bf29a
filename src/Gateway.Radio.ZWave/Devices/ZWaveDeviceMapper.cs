using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Nodes;

namespace Gateway.Radio.ZWave.Devices;

/// <summary>Which catalog kind a node becomes, from its device class and command classes.</summary>
public static class ZWaveDeviceMapper
{
    public const byte GenericMultilevelSwitch = 0x11;

    /// <summary>Multilevel Switch specific classes that drive a motor (multiposition motor, motor control A/B/C).</summary>
    private static readonly byte[] MotorClasses = [0x03, 0x05, 0x06, 0x07];

    /// <summary>The command classes that make a node controllable or readable by the gateway.</summary>
    public static readonly byte[] UsableCommandClasses =
    [
        CommandClassId.SwitchBinary, CommandClassId.SwitchMultilevel, CommandClassId.SensorBinary, CommandClassId.SensorMultilevel,
        CommandClassId.Meter, CommandClassId.Notification,
    ];

    /// <summary>The kind and a label, or null when the node offers nothing the gateway shows.</summary>
    public static (string ControllableName, string Label)? Map(ZWaveNode node)
    {
        string? kind =
            node.Supports(CommandClassId.SwitchMultilevel) ? node.Generic == GenericMultilevelSwitch && MotorClasses.Contains(node.Specific)
                ? ZWaveControllableNames.RollerShutter : ZWaveControllableNames.DimmerLight
            : node.Supports(CommandClassId.SwitchBinary) ? ZWaveControllableNames.OnOffSwitch
            : node.Supports(CommandClassId.SensorMultilevel) ? ZWaveControllableNames.MultiSensor
            : node.Supports(CommandClassId.Notification) ? NotificationKind(node.NotificationTypes)
            : node.Supports(CommandClassId.SensorBinary) ? ZWaveControllableNames.ContactSensor
            : node.Supports(CommandClassId.Meter) ? ZWaveControllableNames.ElectricityMeter
            : null;
        if (kind is null) return null;
        var what = kind["zwave:".Length..^"Component".Length];
        return (kind, $"Z-Wave {what} {node.NodeId}");
    }

    private static string NotificationKind(IReadOnlyList<byte> types) =>
        types.Contains(NotificationCommandClass.AccessControl) ? ZWaveControllableNames.ContactSensor
        : types.Contains(NotificationCommandClass.Smoke) ? ZWaveControllableNames.SmokeSensor
        : types.Contains(NotificationCommandClass.Water) ? ZWaveControllableNames.WaterDetectionSensor
        : types.Contains(NotificationCommandClass.HomeSecurity) ? ZWaveControllableNames.MotionSensor
        : ZWaveControllableNames.ContactSensor;
}
