namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>A default response (ZCL spec §2.5.12): the command it answers and its status.</summary>
public sealed record DefaultResponse(byte CommandId, ZclStatus Status)
{
    public static bool TryParse(ZclFrame frame, out DefaultResponse response)
    {
        response = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.DefaultResponse) || frame.Payload.Length < 2) return false;
        response = new DefaultResponse(frame.Payload[0], (ZclStatus)frame.Payload[1]);
        return true;
    }
}
