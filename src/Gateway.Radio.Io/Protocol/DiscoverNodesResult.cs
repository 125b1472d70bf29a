namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// GW_CS_DISCOVER_NODES_NTF (131 bytes): five 26-byte node bit arrays (added, RF connection error, io key error,
/// removed, open) and the discovery status.
/// </summary>
public sealed record DiscoverNodesResult(IReadOnlyList<byte> Added, IReadOnlyList<byte> RfError, IReadOnlyList<byte> KeyError, IReadOnlyList<byte> Removed, IReadOnlyList<byte> Open, byte Status)
{
    public const int Size = 131;
    public const int BitArraySize = 26;
    public const byte StatusOk = 0;
    public const byte StatusPartial = 6;

    public static DiscoverNodesResult Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"discovery result is {Size} bytes, got {data.Length}");
        return new DiscoverNodesResult(Nodes(data[..26]), Nodes(data[26..52]), Nodes(data[52..78]), Nodes(data[78..104]), Nodes(data[104..130]), data[130]);
    }

    public byte[] ToData() => new KlfWriter().Bytes(BitArray(Added)).Bytes(BitArray(RfError)).Bytes(BitArray(KeyError))
        .Bytes(BitArray(Removed)).Bytes(BitArray(Open)).U8(Status).ToArray();

    /// <summary>Node n is bit n % 8 of byte n / 8.</summary>
    public static IReadOnlyList<byte> Nodes(ReadOnlySpan<byte> bits)
    {
        var nodes = new List<byte>();
        for (var i = 0; i < bits.Length * 8 && i < 256; i++)
            if ((bits[i / 8] & (1 << (i % 8))) != 0) nodes.Add((byte)i);
        return nodes;
    }

    public static byte[] BitArray(IEnumerable<byte> nodes)
    {
        var bits = new byte[BitArraySize];
        foreach (var node in nodes.Where(n => n < BitArraySize * 8)) bits[node / 8] |= (byte)(1 << (node % 8));
        return bits;
    }
}
