using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>ZDO_END_DEVICE_ANNCE_IND (AREQ 0x45 0xC1): a device joined or rejoined and announced itself.</summary>
public sealed record EndDeviceAnnouncement(ushort SourceAddress, ushort NetworkAddress, ulong IeeeAddress, byte Capabilities)
{
    /// <summary>MAC capability bit: the device is mains powered.</summary>
    public bool MainsPowered => (Capabilities & 0x04) != 0;

    /// <summary>MAC capability bit: the receiver stays on when idle (routers, mains devices), so it can be reached any time.</summary>
    public bool ReceiverOnWhenIdle => (Capabilities & 0x08) != 0;

    public static EndDeviceAnnouncement? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.EndDeviceAnnceIndId) || frame.Data.Length < 13) return null;
        var d = frame.Data.AsSpan();
        return new EndDeviceAnnouncement(BinaryPrimitives.ReadUInt16LittleEndian(d), BinaryPrimitives.ReadUInt16LittleEndian(d[2..]), BinaryPrimitives.ReadUInt64LittleEndian(d[4..]), d[12]);
    }

    public MtFrame ToFrame()
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt16LittleEndian(data, SourceAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), NetworkAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(4), IeeeAddress);
        data[12] = Capabilities;
        return new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.EndDeviceAnnceIndId, data);
    }
}
