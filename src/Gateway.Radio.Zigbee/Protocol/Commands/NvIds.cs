namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>Z-Stack NV item ids (ZComDef.h) the start-up reads and writes.</summary>
public static class NvIds
{
    public const ushort StartupOption = 0x0003;
    public const ushort Nib = 0x0021;
    public const ushort ExtendedPanId = 0x002D;
    /// <summary>NWK_ACTIVE_KEY_INFO: key sequence number and the network key in use.</summary>
    public const ushort NwkActiveKeyInfo = 0x003A;
    /// <summary>Z-Stack 3 firmwares: marker zigpy-znp writes once the coordinator has been configured.</summary>
    public const ushort HasConfiguredZStack3 = 0x0060;
    public const ushort PreconfiguredKey = 0x0062;
    public const ushort PreconfiguredKeysEnable = 0x0063;
    /// <summary>NWKKEY (nwkActiveKeyItems_t): key sequence number, key, then the outgoing NWK frame counter.</summary>
    public const ushort NwkKey = 0x0082;
    public const ushort PanId = 0x0083;
    public const ushort ChannelList = 0x0084;
    public const ushort LogicalType = 0x0087;
    public const ushort ZdoDirectCallback = 0x008F;
}
