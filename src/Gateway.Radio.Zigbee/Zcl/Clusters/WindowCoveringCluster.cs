namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>
/// Window Covering (0x0102), ZCL spec §7.4. Lift percentage 0 is fully open and 100 fully closed, the same sense as
/// Overkiz core:ClosureState.
/// </summary>
public static class WindowCoveringCluster
{
    public const ushort Id = ZclClusterId.WindowCovering;

    public const ushort WindowCoveringType = 0x0000; // enum8
    public const ushort CurrentPositionLiftPercentage = 0x0008; // uint8
    public const ushort CurrentPositionTiltPercentage = 0x0009; // uint8

    public const byte UpOpenCommand = 0x00;
    public const byte DownCloseCommand = 0x01;
    public const byte StopCommand = 0x02;
    public const byte GoToLiftValueCommand = 0x04;
    public const byte GoToLiftPercentageCommand = 0x05;
    public const byte GoToTiltPercentageCommand = 0x08;

    public static ZclFrame UpOpen(byte sequence) => ZclFrame.ClusterCommand(sequence, UpOpenCommand, []);
    public static ZclFrame DownClose(byte sequence) => ZclFrame.ClusterCommand(sequence, DownCloseCommand, []);
    public static ZclFrame Stop(byte sequence) => ZclFrame.ClusterCommand(sequence, StopCommand, []);

    public static ZclFrame GoToLiftPercentage(byte sequence, byte percent) =>
        ZclFrame.ClusterCommand(sequence, GoToLiftPercentageCommand, [Math.Min(percent, (byte)100)]);

    public static bool TryParseGoToLiftPercentage(ZclFrame frame, out byte percent)
    {
        percent = 0;
        if (frame.FrameType != ZclFrameType.ClusterSpecific || frame.CommandId != GoToLiftPercentageCommand || frame.Payload.Length < 1) return false;
        percent = frame.Payload[0];
        return percent <= 100;
    }
}
