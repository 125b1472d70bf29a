using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>AF_DATA_CONFIRM (AREQ 0x44 0x80): the outcome of an AF_DATA_REQUEST (0 delivered, 0xE9 no MAC ack, 0xCD no route, 0xA7 no APS ack …).</summary>
public sealed record DataConfirm(byte Status, byte Endpoint, byte TransactionId)
{
    public static DataConfirm? TryParse(MtFrame frame) =>
        frame.Is(MtType.Areq, MtSubsystem.Af, AfCommands.DataConfirmId) && frame.Data.Length >= 3 ? new DataConfirm(frame.Data[0], frame.Data[1], frame.Data[2]) : null;

    public MtFrame ToFrame() => new(MtType.Areq, MtSubsystem.Af, AfCommands.DataConfirmId, [Status, Endpoint, TransactionId]);
}
