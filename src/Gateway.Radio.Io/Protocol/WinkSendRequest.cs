namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// GW_WINK_SEND_REQ (27 bytes): makes up to 20 nodes show themselves (a short movement or a light) for a time;
/// confirmed by GW_WINK_SEND_CFM and ended by GW_WINK_SEND_NTF of the same session.
/// </summary>
public sealed record WinkSendRequest(ushort SessionId, IReadOnlyList<byte> NodeIds, byte WinkTime)
{
    public const int Size = 27;
    /// <summary>WinkTime: as long as the manufacturer chose for the node.</summary>
    public const byte ManufacturerTime = 254;

    public byte Originator { get; init; } = CommandSendRequest.OriginatorUser;
    public byte Priority { get; init; } = CommandSendRequest.PriorityUserLevel2;
    public bool Enable { get; init; } = true;

    public byte[] ToData()
    {
        if (NodeIds.Count is 0 or > 20) throw new ArgumentException("a wink names 1 to 20 nodes");
        var w = new KlfWriter().U16(SessionId).U8(Originator).U8(Priority).U8(Enable ? 1 : 0).U8(WinkTime).U8(NodeIds.Count);
        foreach (var node in NodeIds) w.U8(node);
        return w.Zeros(20 - NodeIds.Count).ToArray();
    }

    public static WinkSendRequest Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"wink send is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        var session = r.U16();
        var originator = r.U8();
        var priority = r.U8();
        var enable = r.U8() != 0;
        var time = r.U8();
        var count = r.U8();
        if (count is 0 or > 20) throw new InvalidDataException($"wink send names {count} nodes");
        return new WinkSendRequest(session, r.Take(20)[..count].ToArray(), time) { Originator = originator, Priority = priority, Enable = enable };
    }
}
