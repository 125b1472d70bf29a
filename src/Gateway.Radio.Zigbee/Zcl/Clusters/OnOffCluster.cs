namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>On/Off (0x0006), ZCL spec §3.8.</summary>
public static class OnOffCluster
{
    public const ushort Id = ZclClusterId.OnOff;

    public const ushort OnOffAttribute = 0x0000; // bool

    public const byte OffCommand = 0x00;
    public const byte OnCommand = 0x01;
    public const byte ToggleCommand = 0x02;

    public static ZclFrame Off(byte sequence) => ZclFrame.ClusterCommand(sequence, OffCommand, []);
    public static ZclFrame On(byte sequence) => ZclFrame.ClusterCommand(sequence, OnCommand, []);
    public static ZclFrame Toggle(byte sequence) => ZclFrame.ClusterCommand(sequence, ToggleCommand, []);
}
