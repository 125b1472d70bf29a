namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>The product id of SYS_VERSION / SYS_RESET_IND, as zigpy-znp names the firmware families.</summary>
public enum ZStackProduct : byte
{
    /// <summary>Z-Stack Home 1.2 (CC2530/CC2531 with the old firmware).</summary>
    ZStack12 = 0,
    /// <summary>Z-Stack 3.0.x (CC2531/CC2530 Zigbee 3.0 builds).</summary>
    ZStack30x = 1,
    /// <summary>Z-Stack 3.x.0 of the SimpleLink SDK (CC2652, CC1352).</summary>
    ZStack3x0 = 2,
}
