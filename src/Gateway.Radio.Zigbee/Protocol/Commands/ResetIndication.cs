using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>SYS_RESET_IND (AREQ 0x41 0x80): the coordinator has (re)started and is ready for requests.</summary>
public sealed record ResetIndication(ResetReason Reason, byte TransportRevision, byte ProductId, byte MajorRelease, byte MinorRelease, byte HardwareRevision)
{
    public static ResetIndication? TryParse(MtFrame frame) =>
        frame.Is(MtType.Areq, MtSubsystem.Sys, SysCommands.ResetIndId) && frame.Data.Length >= 6
            ? new ResetIndication((ResetReason)frame.Data[0], frame.Data[1], frame.Data[2], frame.Data[3], frame.Data[4], frame.Data[5])
            : null;

    public MtFrame ToFrame() => new(MtType.Areq, MtSubsystem.Sys, SysCommands.ResetIndId,
        [(byte)Reason, TransportRevision, ProductId, MajorRelease, MinorRelease, HardwareRevision]);
}
