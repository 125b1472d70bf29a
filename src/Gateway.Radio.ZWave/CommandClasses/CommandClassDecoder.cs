using System.Buffers.Binary;

namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Decodes the reports the gateway understands; anything else, or anything too short, is null. Never throws.</summary>
public static class CommandClassDecoder
{
    public static CommandClassReport? Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2) return null;
        var p = payload[2..];
        return (payload[0], payload[1]) switch
        {
            (CommandClassId.Basic, BasicCommandClass.ReportCommand) when p.Length >= 1 => new LevelReport(CommandClassId.Basic, Level(p[0])),
            (CommandClassId.SwitchBinary, SwitchBinaryCommandClass.ReportCommand) when p.Length >= 1 => new SwitchBinaryReport(p[0] switch { 0x00 => false, 0xFE => null, _ => true }),
            (CommandClassId.SwitchMultilevel, SwitchMultilevelCommandClass.ReportCommand) when p.Length >= 1 => new LevelReport(CommandClassId.SwitchMultilevel, Level(p[0])),
            (CommandClassId.SensorBinary, SensorBinaryCommandClass.ReportCommand) when p.Length >= 1 => new SensorBinaryReport(p[0] != 0, p.Length >= 2 ? p[1] : null),
            (CommandClassId.SensorMultilevel, SensorMultilevelCommandClass.ReportCommand) => Sensor(p),
            (CommandClassId.Meter, MeterCommandClass.ReportCommand) => Meter(p),
            (CommandClassId.Notification, NotificationCommandClass.ReportCommand) => Notification(p),
            (CommandClassId.Notification, NotificationCommandClass.SupportedReportCommand) => NotificationSupported(p),
            (CommandClassId.Battery, BatteryCommandClass.ReportCommand) when p.Length >= 1 =>
                p[0] == BatteryCommandClass.LowBatteryWarning ? new BatteryReport(0, true) : new BatteryReport(Math.Min((int)p[0], 100), false),
            (CommandClassId.ManufacturerSpecific, ManufacturerSpecificCommandClass.ReportCommand) when p.Length >= 6 => new ManufacturerReport(
                BinaryPrimitives.ReadUInt16BigEndian(p), BinaryPrimitives.ReadUInt16BigEndian(p[2..]), BinaryPrimitives.ReadUInt16BigEndian(p[4..])),
            (CommandClassId.Version, VersionCommandClass.ReportCommand) when p.Length >= 5 => new VersionReport(p[0], $"{p[1]}.{p[2]:D2}", $"{p[3]}.{p[4]:D2}"),
            (CommandClassId.Meter, MeterCommandClass.SupportedReportCommand) when p.Length >= 2 => new MeterSupportedReport((p[0] & 0x80) != 0, (byte)(p[0] & 0x1F), (byte)(p[1] & 0x1F)),
            (CommandClassId.ThermostatMode, ThermostatModeCommandClass.ReportCommand) when p.Length >= 1 => new ThermostatModeReport((byte)(p[0] & 0x1F)),
            (CommandClassId.ThermostatSetpoint, ThermostatSetpointCommandClass.ReportCommand) => Setpoint(p),
            (CommandClassId.Configuration, ConfigurationCommandClass.ReportCommand) => Configuration(p),
            (CommandClassId.CentralScene, CentralSceneCommandClass.NotificationCommand) when p.Length >= 3 =>
                new CentralSceneNotification(p[0], (byte)(p[1] & 0x07), p[2], (p[1] & 0x80) != 0),
            (CommandClassId.CentralScene, CentralSceneCommandClass.SupportedReportCommand) when p.Length >= 1 => new CentralSceneSupportedReport(p[0]),
            (CommandClassId.Supervision, SupervisionCommandClass.ReportCommand) when p.Length >= 2 =>
                new SupervisionReport((byte)(p[0] & SupervisionCommandClass.SessionIdMask), (p[0] & 0x80) != 0, p[1], p.Length >= 3 ? p[2] : (byte)0),
            (CommandClassId.Association, AssociationCommandClass.ReportCommand) when p.Length >= 3 && p[0] != 0 => new AssociationReport(p[0], p[1], p[3..].ToArray()),
            (CommandClassId.Association, AssociationCommandClass.GroupingsReportCommand) when p.Length >= 1 => new AssociationGroupingsReport(p[0]),
            (CommandClassId.WakeUp, WakeUpCommandClass.IntervalReportCommand) when p.Length >= 4 => new WakeUpIntervalReport((p[0] << 16) | (p[1] << 8) | p[2], p[3]),
            (CommandClassId.MultiChannel, MultiChannelCommandClass.EndPointReportCommand) when p.Length >= 2 => new MultiChannelEndPointReport((byte)(p[1] & 0x7F), (p[0] & 0x40) != 0),
            (CommandClassId.MultiChannel, MultiChannelCommandClass.CapabilityReportCommand) when p.Length >= 3 =>
                new MultiChannelCapabilityReport((byte)(p[0] & 0x7F), p[1], p[2], p[3..].ToArray().TakeWhile(cc => cc != CommandClassId.SupportControlMark).ToArray()),
            _ => null,
        };
    }

    /// <summary>0xFE (unknown) and the reserved 100…254 are no level.</summary>
    private static byte? Level(byte value) => value <= SwitchMultilevelCommandClass.MaxLevel || value == 0xFF ? value : null;

    private static SensorReading? Sensor(ReadOnlySpan<byte> p) =>
        p.Length >= 2 && ScaledValue.TryRead(p[1..], out var value, out var scale, out _) ? new SensorReading(p[0], scale, value) : null;

    private static ThermostatSetpointReport? Setpoint(ReadOnlySpan<byte> p) =>
        p.Length >= 2 && ScaledValue.TryRead(p[1..], out var value, out var scale, out _) ? new ThermostatSetpointReport((byte)(p[0] & 0x0F), scale, value) : null;

    private static ConfigurationReport? Configuration(ReadOnlySpan<byte> p)
    {
        if (p.Length < 2) return null;
        var size = p[1] & 0x07;
        if (!ConfigurationCommandClass.IsValidSize(size) || p.Length < 2 + size) return null;
        long value = size switch
        {
            1 => (sbyte)p[2],
            2 => BinaryPrimitives.ReadInt16BigEndian(p[2..]),
            _ => BinaryPrimitives.ReadInt32BigEndian(p[2..]),
        };
        return new ConfigurationReport(p[0], size, value);
    }

    private static MeterReading? Meter(ReadOnlySpan<byte> p)
    {
        if (p.Length < 2 || !ScaledValue.TryRead(p[1..], out var value, out var scale, out _)) return null;
        var scaleBit2 = (p[0] & 0x80) != 0 ? 4 : 0;
        return new MeterReading((byte)(p[0] & 0x1F), (byte)(scale | scaleBit2), value);
    }

    private static NotificationReport? Notification(ReadOnlySpan<byte> p)
    {
        if (p.Length < 6) return null;
        var length = p.Length >= 7 ? p[6] & 0x1F : 0;
        var parameters = p.Length >= 7 + length ? p.Slice(7, length).ToArray() : [];
        return new NotificationReport(p[4], p[5], parameters);
    }

    private static NotificationSupportedReport? NotificationSupported(ReadOnlySpan<byte> p)
    {
        if (p.Length < 1) return null;
        var length = p[0] & 0x1F;
        if (p.Length < 1 + length) return null;
        var types = new List<byte>();
        for (var i = 0; i < length * 8; i++)
            if ((p[1 + i / 8] & (1 << (i % 8))) != 0) types.Add((byte)i);
        return new NotificationSupportedReport(types);
    }
}
