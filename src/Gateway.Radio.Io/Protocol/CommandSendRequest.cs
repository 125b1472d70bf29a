namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// GW_COMMAND_SEND_REQ (66 bytes): one session moving up to 20 nodes to a main parameter value, with originator and
/// priority; functional parameters 1–16 follow the main one and are sent only when flagged in FPI1/FPI2.
/// </summary>
public sealed record CommandSendRequest(ushort SessionId, IReadOnlyList<byte> NodeIds, ushort MainParameter)
{
    public const int Size = 66;
    public const byte OriginatorUser = 1;
    public const byte PriorityUserLevel2 = 3;

    public byte Originator { get; init; } = OriginatorUser;
    public byte Priority { get; init; } = PriorityUserLevel2;
    public byte ParameterActive { get; init; }
    public byte Fpi1 { get; init; }
    public byte Fpi2 { get; init; }
    public ushort[] FunctionalParameters { get; init; } = new ushort[16];
    public byte PriorityLevelLock { get; init; }
    public byte PriorityLevel03 { get; init; }
    public byte PriorityLevel47 { get; init; }
    public byte LockTime { get; init; }

    public byte[] ToData()
    {
        if (NodeIds.Count is 0 or > 20) throw new ArgumentException("a command names 1 to 20 nodes");
        var w = new KlfWriter().U16(SessionId).U8(Originator).U8(Priority).U8(ParameterActive).U8(Fpi1).U8(Fpi2).U16(MainParameter);
        foreach (var fp in FunctionalParameters) w.U16(fp);
        w.U8(NodeIds.Count);
        foreach (var node in NodeIds) w.U8(node);
        return w.Zeros(20 - NodeIds.Count).U8(PriorityLevelLock).U8(PriorityLevel03).U8(PriorityLevel47).U8(LockTime).ToArray();
    }

    public static CommandSendRequest Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"command send is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        var session = r.U16();
        var originator = r.U8();
        var priority = r.U8();
        var active = r.U8();
        var fpi1 = r.U8();
        var fpi2 = r.U8();
        var main = r.U16();
        var fps = new ushort[16];
        for (var i = 0; i < 16; i++) fps[i] = r.U16();
        var count = r.U8();
        if (count is 0 or > 20) throw new InvalidDataException($"command send names {count} nodes");
        var nodes = r.Take(20)[..count].ToArray();
        return new CommandSendRequest(session, nodes, main)
        {
            Originator = originator, Priority = priority, ParameterActive = active, Fpi1 = fpi1, Fpi2 = fpi2, FunctionalParameters = fps,
            PriorityLevelLock = r.U8(), PriorityLevel03 = r.U8(), PriorityLevel47 = r.U8(), LockTime = r.U8(),
        };
    }
}
