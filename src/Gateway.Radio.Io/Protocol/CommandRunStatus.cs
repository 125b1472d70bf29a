namespace Gateway.Radio.Io.Protocol;

/// <summary>GW_COMMAND_RUN_STATUS_NTF (13 bytes): how one node of a session is doing.</summary>
public sealed record CommandRunStatus(ushort SessionId, byte StatusId, byte NodeIndex, byte NodeParameter, ushort ParameterValue, byte RunStatus, byte StatusReply, uint InformationCode)
{
    public const int Size = 13;
    public const byte ExecutionCompleted = 0;
    public const byte ExecutionFailed = 1;
    public const byte ExecutionActive = 2;

    public static CommandRunStatus Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size) throw new InvalidDataException($"run status is {Size} bytes, got {data.Length}");
        var r = new KlfReader(data);
        return new CommandRunStatus(r.U16(), r.U8(), r.U8(), r.U8(), r.U16(), r.U8(), r.U8(), r.U32());
    }

    public byte[] ToData() =>
        new KlfWriter().U16(SessionId).U8(StatusId).U8(NodeIndex).U8(NodeParameter).U16(ParameterValue).U8(RunStatus).U8(StatusReply).U32(InformationCode).ToArray();
}
