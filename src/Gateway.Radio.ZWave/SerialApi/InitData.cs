namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>GetSerialApiInitData response: API version, capabilities and the bitmask of the network's node ids (1…232).</summary>
public sealed record InitData(byte ApiVersion, byte Capabilities, IReadOnlyList<byte> NodeIds)
{
    public const int NodeBitmaskLength = 29;

    public bool IsSecondaryController => (Capabilities & 0x04) != 0;

    public static InitData? Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 3 || payload.Length < 3 + payload[2]) return null;
        var mask = payload.Slice(3, payload[2]);
        var nodes = new List<byte>();
        for (var i = 0; i < mask.Length * 8 && i < 232; i++)
            if ((mask[i / 8] & (1 << (i % 8))) != 0) nodes.Add((byte)(i + 1));
        return new InitData(payload[0], payload[1], nodes);
    }

    public byte[] Encode()
    {
        var bytes = new byte[3 + NodeBitmaskLength + 2];
        bytes[0] = ApiVersion;
        bytes[1] = Capabilities;
        bytes[2] = NodeBitmaskLength;
        foreach (var node in NodeIds) bytes[3 + (node - 1) / 8] |= (byte)(1 << ((node - 1) % 8));
        bytes[^2] = 0x07;
        bytes[^1] = 0x00;
        return bytes;
    }
}
