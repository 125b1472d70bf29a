using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>APP_CNF_BDB_COMMISSIONING_NOTIFICATION (AREQ 0x4F 0x80): progress of BDB commissioning; done when no modes remain.</summary>
public sealed record BdbCommissioningNotification(BdbCommissioningStatus Status, BdbCommissioningMode Mode, BdbCommissioningMode RemainingModes)
{
    public static BdbCommissioningNotification? TryParse(MtFrame frame) =>
        frame.Is(MtType.Areq, MtSubsystem.AppConfig, AppConfigCommands.BdbCommissioningNotificationId) && frame.Data.Length >= 3
            ? new BdbCommissioningNotification((BdbCommissioningStatus)frame.Data[0], (BdbCommissioningMode)frame.Data[1], (BdbCommissioningMode)frame.Data[2])
            : null;

    public MtFrame ToFrame() => new(MtType.Areq, MtSubsystem.AppConfig, AppConfigCommands.BdbCommissioningNotificationId, [(byte)Status, (byte)Mode, (byte)RemainingModes]);
}
