using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>ZDO_TC_DEV_IND (AREQ 0x45 0xCA): the trust centre let a device in (it announces itself right after).</summary>
public sealed record TrustCenterDeviceIndication(ushort NetworkAddress, ulong IeeeAddress, ushort ParentAddress)
{
    public static TrustCenterDeviceIndication? TryParse(MtFrame frame) =>
        frame.Is(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.TcDeviceIndId) && frame.Data.Length >= 12
            ? new TrustCenterDeviceIndication(BinaryPrimitives.ReadUInt16LittleEndian(frame.Data), BinaryPrimitives.ReadUInt64LittleEndian(frame.Data.AsSpan(2)),
                BinaryPrimitives.ReadUInt16LittleEndian(frame.Data.AsSpan(10)))
            : null;

    public MtFrame ToFrame()
    {
        var data = new byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(data, NetworkAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(2), IeeeAddress);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(10), ParentAddress);
        return new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.TcDeviceIndId, data);
    }
}
