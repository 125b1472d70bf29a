namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>Bounds-checked little-endian reads and writes; every read answers false rather than throwing.</summary>
internal static class ZclBytes
{
    public static bool TryReadByte(ReadOnlySpan<byte> data, ref int offset, out byte value)
    {
        value = 0;
        if (offset < 0 || offset >= data.Length) return false;
        value = data[offset++];
        return true;
    }

    public static bool TryReadUInt16(ReadOnlySpan<byte> data, ref int offset, out ushort value)
    {
        value = 0;
        if (offset < 0 || data.Length - offset < 2) return false;
        value = (ushort)(data[offset] | data[offset + 1] << 8);
        offset += 2;
        return true;
    }

    public static bool TryReadUInt32(ReadOnlySpan<byte> data, ref int offset, out uint value)
    {
        value = 0;
        if (offset < 0 || data.Length - offset < 4) return false;
        value = (uint)(data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24);
        offset += 4;
        return true;
    }

    public static void WriteUInt16(List<byte> output, ushort value)
    {
        output.Add((byte)value);
        output.Add((byte)(value >> 8));
    }

    public static void WriteLittleEndian(List<byte> output, ulong value, int length)
    {
        for (var i = 0; i < length; i++) output.Add((byte)(value >> (8 * i)));
    }
}
