using System.Buffers.Binary;

namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// The value layout of Multilevel Sensor and Meter reports: one byte <c>precision(3) scale(2) size(3)</c>, then a
/// signed big-endian integer of 1, 2 or 4 bytes; the value is that integer / 10^precision.
/// </summary>
public static class ScaledValue
{
    /// <summary>Reads the value at the start of <paramref name="bytes"/> (the precision/scale/size byte first).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out double value, out byte scale, out int consumed)
    {
        value = 0;
        scale = 0;
        consumed = 0;
        if (bytes.IsEmpty) return false;
        var precision = bytes[0] >> 5;
        scale = (byte)((bytes[0] >> 3) & 0x03);
        var size = bytes[0] & 0x07;
        if (size is not (1 or 2 or 4) || bytes.Length < 1 + size) return false;
        long raw = size switch
        {
            1 => (sbyte)bytes[1],
            2 => BinaryPrimitives.ReadInt16BigEndian(bytes[1..]),
            _ => BinaryPrimitives.ReadInt32BigEndian(bytes[1..]),
        };
        value = raw / Math.Pow(10, precision);
        consumed = 1 + size;
        return true;
    }

    public static byte[] Write(double value, byte scale, int precision)
    {
        var raw = (long)Math.Round(value * Math.Pow(10, precision));
        var size = raw is >= sbyte.MinValue and <= sbyte.MaxValue ? 1 : raw is >= short.MinValue and <= short.MaxValue ? 2 : 4;
        var bytes = new byte[1 + size];
        bytes[0] = (byte)((precision << 5) | ((scale & 0x03) << 3) | size);
        switch (size)
        {
            case 1: bytes[1] = (byte)(sbyte)raw; break;
            case 2: BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(1), (short)raw); break;
            default: BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), (int)raw); break;
        }
        return bytes;
    }
}
