namespace Gateway.Radio.Io.Protocol;

/// <summary>GW_COMMAND_REMAINING_TIME_NTF (6 bytes): seconds until a node of a session reaches its target.</summary>
public sealed record CommandRemainingTime(ushort SessionId, byte NodeIndex, byte NodeParameter, ushort Seconds)
{
    public const int Size = 6;

    public static CommandRemainingTime Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"remaining time is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        return new CommandRemainingTime(r.U16(), r.U8(), r.U8(), r.U16());
    }

    public byte[] ToData() => new KlfWriter().U16(SessionId).U8(NodeIndex).U8(NodeParameter).U16(Seconds).ToArray();
}
