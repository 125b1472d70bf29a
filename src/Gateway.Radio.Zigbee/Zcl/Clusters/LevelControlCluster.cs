namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Level Control (0x0008), ZCL spec §3.10. Levels run 0..254; 255 is not a level.</summary>
public static class LevelControlCluster
{
    public const ushort Id = ZclClusterId.LevelControl;

    public const ushort CurrentLevel = 0x0000; // uint8
    public const byte MaximumLevel = 254;

    public const byte MoveToLevelCommand = 0x00;
    public const byte MoveCommand = 0x01;
    public const byte StepCommand = 0x02;
    public const byte StopCommand = 0x03;
    public const byte MoveToLevelWithOnOffCommand = 0x04;
    public const byte StopWithOnOffCommand = 0x07;

    /// <summary>Move to level with on/off: the light turns on for a level above 0 and off at 0.</summary>
    public static ZclFrame MoveToLevelWithOnOff(byte sequence, byte level, ushort transitionTenths = 0) =>
        ZclFrame.ClusterCommand(sequence, MoveToLevelWithOnOffCommand, [Math.Min(level, MaximumLevel), (byte)transitionTenths, (byte)(transitionTenths >> 8)]);

    public static ZclFrame MoveToLevel(byte sequence, byte level, ushort transitionTenths = 0) =>
        ZclFrame.ClusterCommand(sequence, MoveToLevelCommand, [Math.Min(level, MaximumLevel), (byte)transitionTenths, (byte)(transitionTenths >> 8)]);

    /// <summary>Parses either move-to-level command; <paramref name="withOnOff"/> tells which.</summary>
    public static bool TryParseMoveToLevel(ZclFrame frame, out byte level, out ushort transitionTenths, out bool withOnOff)
    {
        level = 0;
        transitionTenths = 0;
        withOnOff = frame.CommandId == MoveToLevelWithOnOffCommand;
        if (frame.FrameType != ZclFrameType.ClusterSpecific || frame.CommandId is not (MoveToLevelCommand or MoveToLevelWithOnOffCommand) || frame.Payload.Length < 3)
            return false;
        level = frame.Payload[0];
        transitionTenths = (ushort)(frame.Payload[1] | frame.Payload[2] << 8);
        return true;
    }

    /// <summary>Percent 0..100 to level 0..254.</summary>
    public static byte LevelFromPercent(int percent) => (byte)Math.Round(Math.Clamp(percent, 0, 100) * MaximumLevel / 100.0, MidpointRounding.AwayFromZero);

    /// <summary>Level 0..254 to percent 0..100.</summary>
    public static int PercentFromLevel(long level) => (int)Math.Round(Math.Clamp(level, 0, MaximumLevel) * 100.0 / MaximumLevel, MidpointRounding.AwayFromZero);
}
