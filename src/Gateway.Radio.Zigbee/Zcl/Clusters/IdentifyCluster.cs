namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Identify (0x0003), ZCL spec §3.5.</summary>
public static class IdentifyCluster
{
    public const ushort Id = ZclClusterId.Identify;

    public const ushort IdentifyTime = 0x0000;

    public const byte IdentifyCommand = 0x00;
    public const byte IdentifyQuery = 0x01;
    public const byte TriggerEffect = 0x40;

    public static ZclFrame Identify(byte sequence, ushort seconds) =>
        ZclFrame.ClusterCommand(sequence, IdentifyCommand, [(byte)seconds, (byte)(seconds >> 8)]);

    public static bool TryParseIdentify(ZclFrame frame, out ushort seconds)
    {
        seconds = 0;
        if (frame.FrameType != ZclFrameType.ClusterSpecific || frame.CommandId != IdentifyCommand || frame.Payload.Length < 2) return false;
        seconds = (ushort)(frame.Payload[0] | frame.Payload[1] << 8);
        return true;
    }
}
