namespace Gateway.Radio.ZWave.Serial;

/// <summary>One Serial API data frame: <c>SOF LEN TYPE FUNC payload… CHECKSUM</c>.</summary>
public sealed record SerialFrame(FrameType Type, byte FunctionId, byte[] Payload)
{
    public static SerialFrame Request(byte functionId, params byte[] payload) => new(FrameType.Request, functionId, payload);

    public static SerialFrame Response(byte functionId, params byte[] payload) => new(FrameType.Response, functionId, payload);

    public override string ToString() => $"{Type} 0x{FunctionId:X2} [{Convert.ToHexString(Payload)}]";
}
