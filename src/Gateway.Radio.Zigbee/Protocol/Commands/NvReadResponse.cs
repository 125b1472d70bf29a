using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>SYS_OSAL_NV_READ SRSP: status (0 success, otherwise an NV error such as NV_ITEM_UNINIT) and the item's bytes from the offset asked.</summary>
public sealed record NvReadResponse(byte Status, byte[] Value)
{
    public static NvReadResponse? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Srsp, MtSubsystem.Sys, SysCommands.OsalNvReadId) || frame.Data.Length < 2) return null;
        var length = Math.Min(frame.Data[1], frame.Data.Length - 2);
        return new NvReadResponse(frame.Data[0], frame.Data.AsSpan(2, length).ToArray());
    }

    public MtFrame ToFrame() => new(MtType.Srsp, MtSubsystem.Sys, SysCommands.OsalNvReadId, [Status, (byte)Value.Length, .. Value]);
}
