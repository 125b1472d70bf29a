namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>One ZCL frame: the header fields of ZCL spec §2.4.1 and the command payload that follows them.</summary>
public sealed record ZclFrame(
    ZclFrameType FrameType,
    ushort? ManufacturerCode,
    ZclDirection Direction,
    bool DisableDefaultResponse,
    byte Sequence,
    byte CommandId,
    byte[] Payload)
{
    /// <summary>The payload in hex, so that logs and test failures show it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"FrameType = {FrameType}, ManufacturerCode = {ManufacturerCode?.ToString("X4") ?? "none"}, Direction = {Direction}, ");
        builder.Append($"DisableDefaultResponse = {DisableDefaultResponse}, Sequence = {Sequence}, CommandId = 0x{CommandId:X2}, Payload = {Convert.ToHexString(Payload)}");
        return true;
    }

    public bool IsGlobal => FrameType == ZclFrameType.Global;

    public bool IsGlobalCommand(byte commandId) => FrameType == ZclFrameType.Global && CommandId == commandId;

    public static ZclFrame Global(byte sequence, byte commandId, byte[] payload, ZclDirection direction = ZclDirection.ClientToServer, ushort? manufacturerCode = null, bool disableDefaultResponse = false) =>
        new(ZclFrameType.Global, manufacturerCode, direction, disableDefaultResponse, sequence, commandId, payload);

    public static ZclFrame ClusterCommand(byte sequence, byte commandId, byte[] payload, ZclDirection direction = ZclDirection.ClientToServer, ushort? manufacturerCode = null, bool disableDefaultResponse = false) =>
        new(ZclFrameType.ClusterSpecific, manufacturerCode, direction, disableDefaultResponse, sequence, commandId, payload);
}
