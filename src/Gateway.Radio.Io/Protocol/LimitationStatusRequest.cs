namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// GW_GET_LIMITATION_STATUS_REQ (25 bytes): asks for the resulting minimum or maximum limitation of one parameter of up
/// to 20 nodes; each node answers with a GW_LIMITATION_STATUS_NTF of the same session.
/// </summary>
public sealed record LimitationStatusRequest(ushort SessionId, IReadOnlyList<byte> NodeIds, byte LimitationType)
{
    public const int Size = 25;
    public const byte MinimumLimitation = 0;
    public const byte MaximumLimitation = 1;
    public const byte MainParameter = 0;

    public byte ParameterId { get; init; } = MainParameter;

    public byte[] ToData()
    {
        if (NodeIds.Count is 0 or > 20) throw new ArgumentException("a limitation request names 1 to 20 nodes");
        var w = new KlfWriter().U16(SessionId).U8(NodeIds.Count);
        foreach (var node in NodeIds) w.U8(node);
        return w.Zeros(20 - NodeIds.Count).U8(ParameterId).U8(LimitationType).ToArray();
    }

    public static LimitationStatusRequest Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"limitation status request is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        var session = r.U16();
        var count = r.U8();
        if (count is 0 or > 20) throw new InvalidDataException($"limitation status request names {count} nodes");
        var nodes = r.Take(20)[..count].ToArray();
        var parameter = r.U8();
        return new LimitationStatusRequest(session, nodes, r.U8()) { ParameterId = parameter };
    }
}
