namespace Gateway.Radio.EnOcean.Protocol.Esp3;

/// <summary>
/// The CRC8 of the EnOcean Serial Protocol 3: polynomial x^8 + x^2 + x + 1 (0x07), initial value 0, no reflection,
/// no final XOR. One CRC covers the 4 header bytes, another the data and optional data.
/// </summary>
public static class Esp3Crc8
{
    private static readonly byte[] Table = BuildTable();

    public static byte Compute(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (var b in bytes) crc = Table[crc ^ b];
        return crc;
    }

    /// <summary>Continues a CRC over more bytes: <c>Compute(a + b) == Append(Compute(a), b)</c>.</summary>
    public static byte Append(byte crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = Table[crc ^ b];
        return crc;
    }

    private static byte[] BuildTable()
    {
        var table = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            var c = (byte)i;
            for (var bit = 0; bit < 8; bit++) c = (byte)((c & 0x80) != 0 ? (c << 1) ^ 0x07 : c << 1);
            table[i] = c;
        }
        return table;
    }
}
