namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>Status bytes of Z-Stack SRSPs.</summary>
public static class MtStatus
{
    public const byte Success = 0x00;
    public const byte Failure = 0x01;
    public const byte InvalidParameter = 0x02;
    /// <summary>SYS_OSAL_NV_READ of an item that does not exist (NV_ITEM_UNINIT is 0x09 on some builds).</summary>
    public const byte NvItemUninitialised = 0x09;
}
