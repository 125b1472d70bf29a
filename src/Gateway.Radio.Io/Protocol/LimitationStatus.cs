namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// GW_LIMITATION_STATUS_NTF (10 bytes): the range one parameter of a node is limited to, in the relative parameter
/// range (0x0000–0xC800), who set the limitation and for how long.
/// </summary>
public sealed record LimitationStatus(ushort SessionId, byte NodeId, byte ParameterId, ushort MinValue, ushort MaxValue, byte Originator, byte Time)
{
    public const int Size = 10;

    public static LimitationStatus Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"limitation status is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        return new LimitationStatus(r.U16(), r.U8(), r.U8(), r.U16(), r.U16(), r.U8(), r.U8());
    }

    public byte[] ToData() => new KlfWriter().U16(SessionId).U8(NodeId).U8(ParameterId).U16(MinValue).U16(MaxValue).U8(Originator).U8(Time).ToArray();
}
