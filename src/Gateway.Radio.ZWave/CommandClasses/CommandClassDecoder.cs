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
            _ => null,
        };
    }

    /// <summary>0xFE (unknown) and the reserved 100…254 are no level.</summary>
    private static byte? Level(byte value) => value <= SwitchMultilevelCommandClass.MaxLevel || value == 0xFF ? value : null;

    private static SensorReading? Sensor(ReadOnlySpan<byte> p) =>
        p.Length >= 2 && ScaledValue.TryRead(p[1..], out var value, out var scale, out _) ? new SensorReading(p[0], scale, value) : null;

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
