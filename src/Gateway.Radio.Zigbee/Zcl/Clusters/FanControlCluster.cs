namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Fan Control (0x0202), ZCL spec §6.4.</summary>
public static class FanControlCluster
{
    public const ushort Id = ZclClusterId.FanControl;

    public const ushort FanMode = 0x0000; // enum8
    public const ushort FanModeSequence = 0x0001; // enum8

    public const byte ModeOff = 0x00;
    public const byte ModeLow = 0x01;
    public const byte ModeMedium = 0x02;
    public const byte ModeHigh = 0x03;
    public const byte ModeOn = 0x04;
    public const byte ModeAuto = 0x05;
    public const byte ModeSmart = 0x06;

    public static ZclFrame WriteFanMode(byte sequence, byte mode) =>
        ZclGlobal.WriteAttributes(sequence, (FanMode, ZclValue.Enum8(mode)));
}
