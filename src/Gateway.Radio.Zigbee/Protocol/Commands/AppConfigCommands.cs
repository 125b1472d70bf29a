using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>The APP_CNF subsystem: Base Device Behaviour commissioning, how Z-Stack 3 firmwares form and resume networks.</summary>
public static class AppConfigCommands
{
    public const byte BdbStartCommissioningId = 0x05;
    public const byte BdbSetChannelId = 0x08;
    public const byte BdbCommissioningNotificationId = 0x80;

    /// <summary>APP_CNF_BDB_START_COMMISSIONING: runs the commissioning modes given (formation, steering …).</summary>
    public static MtFrame BdbStartCommissioning(BdbCommissioningMode mode) => new(MtType.Sreq, MtSubsystem.AppConfig, BdbStartCommissioningId, [(byte)mode]);

    /// <summary>APP_CNF_BDB_SET_CHANNEL: the primary (or secondary) channel mask formation scans.</summary>
    public static MtFrame BdbSetChannel(bool primary, uint channelMask)
    {
        var data = new byte[5];
        data[0] = primary ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), channelMask);
        return new MtFrame(MtType.Sreq, MtSubsystem.AppConfig, BdbSetChannelId, data);
    }
}
