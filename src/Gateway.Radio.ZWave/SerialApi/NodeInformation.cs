namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>
/// ApplicationUpdate request: status, node id, then (for a node information frame) its length, basic, generic and
/// specific classes and the command classes the node supports.
/// </summary>
public sealed record NodeInformation(byte Status, byte NodeId, byte Basic, byte Generic, byte Specific, IReadOnlyList<byte> CommandClasses)
{
    public const byte NodeInfoReceived = 0x84;
    public const byte NodeInfoRequestFailed = 0x81;
    public const byte NodeInfoRequestDone = 0x82;

    public static NodeInformation? Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2) return null;
        if (payload.Length < 6 || payload[2] < 3 || payload.Length < 3 + payload[2]) return new NodeInformation(payload[0], payload[1], 0, 0, 0, []);
        var length = payload[2];
        return new NodeInformation(payload[0], payload[1], payload[3], payload[4], payload[5], payload.Slice(6, length - 3).ToArray());
    }

    public byte[] Encode()
    {
        var bytes = new List<byte> { Status, NodeId, (byte)(3 + CommandClasses.Count), Basic, Generic, Specific };
        bytes.AddRange(CommandClasses);
        return [.. bytes];
    }
}
