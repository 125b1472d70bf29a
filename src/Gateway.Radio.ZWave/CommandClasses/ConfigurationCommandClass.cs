using System.Buffers.Binary;

namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Configuration (0x70): Set 0x04 <c>parameter, (default 1)(reserved 4)(size 3), value</c> (signed big-endian of 1, 2 or 4
/// bytes); Get 0x05 <c>parameter</c>; Report 0x06 <c>parameter, (reserved 5)(size 3), value</c>.
/// </summary>
public static class ConfigurationCommandClass
{
    public const byte SetCommand = 0x04, GetCommand = 0x05, ReportCommand = 0x06;

    public static bool IsValidSize(int size) => size is 1 or 2 or 4;

    /// <summary>True when <paramref name="value"/> fits a signed integer of <paramref name="size"/> bytes.</summary>
    public static bool Fits(long value, int size) => size switch
    {
        1 => value is >= sbyte.MinValue and <= sbyte.MaxValue,
        2 => value is >= short.MinValue and <= short.MaxValue,
        4 => value is >= int.MinValue and <= int.MaxValue,
        _ => false,
    };

    public static byte[] Set(byte parameter, int size, long value)
    {
        if (!IsValidSize(size) || !Fits(value, size)) throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {size} byte(s)");
        return CommandClassFrame.Of(CommandClassId.Configuration, SetCommand, [parameter, (byte)size, .. Write(value, size)]);
    }

    /// <summary>Sets the parameter back to its factory default (the value bytes are ignored by the device).</summary>
    public static byte[] SetDefault(byte parameter) => CommandClassFrame.Of(CommandClassId.Configuration, SetCommand, parameter, 0x81, 0x00);

    public static byte[] Get(byte parameter) => CommandClassFrame.Of(CommandClassId.Configuration, GetCommand, parameter);

    public static byte[] Report(byte parameter, int size, long value) =>
        CommandClassFrame.Of(CommandClassId.Configuration, ReportCommand, [parameter, (byte)(size & 0x07), .. Write(value, size)]);

    private static byte[] Write(long value, int size)
    {
        var bytes = new byte[size];
        switch (size)
        {
            case 1: bytes[0] = (byte)(sbyte)value; break;
            case 2: BinaryPrimitives.WriteInt16BigEndian(bytes, (short)value); break;
            default: BinaryPrimitives.WriteInt32BigEndian(bytes, (int)value); break;
        }
        return bytes;
    }
}
