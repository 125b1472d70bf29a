namespace Gateway.Radio.Io.Protocol;

/// <summary>GW_NODE_STATE_POSITION_CHANGED_NTF (20 bytes): a node moved, or its state or target changed.</summary>
public sealed record NodePositionChanged(byte NodeId, byte OperatingState, ushort CurrentPosition, ushort Target, ushort[] FunctionalPositions, ushort RemainingTime, uint Timestamp)
{
    public const int Size = 20;

    public static NodePositionChanged Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"position notification is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        return new NodePositionChanged(r.U8(), r.U8(), r.U16(), r.U16(), [r.U16(), r.U16(), r.U16(), r.U16()], r.U16(), r.U32());
    }

    public byte[] ToData()
    {
        var w = new KlfWriter().U8(NodeId).U8(OperatingState).U16(CurrentPosition).U16(Target);
        foreach (var fp in FunctionalPositions) w.U16(fp);
        return w.U16(RemainingTime).U32(Timestamp).ToArray();
    }
}
