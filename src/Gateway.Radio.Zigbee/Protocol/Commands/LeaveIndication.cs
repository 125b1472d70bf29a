using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>ZDO_LEAVE_IND (AREQ 0x45 0xC9): a device left the network (on its own or as asked), and whether it will rejoin.</summary>
public sealed record LeaveIndication(ushort NetworkAddress, ulong IeeeAddress, bool Request, bool RemoveChildren, bool Rejoin)
{
    public static LeaveIndication? TryParse(MtFrame frame) =>
        frame.Is(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.LeaveIndId) && frame.Data.Length >= 13
            ? new LeaveIndication(BinaryPrimitives.ReadUInt16LittleEndian(frame.Data), BinaryPrimitives.ReadUInt64LittleEndian(frame.Data.AsSpan(2)),
                frame.Data[10] != 0, frame.Data[11] != 0, frame.Data[12] != 0)
            : null;

    public MtFrame ToFrame()
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt16LittleEndian(data, NetworkAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(2), IeeeAddress);
        data[10] = Request ? (byte)1 : (byte)0;
        data[11] = RemoveChildren ? (byte)1 : (byte)0;
        data[12] = Rejoin ? (byte)1 : (byte)0;
        return new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.LeaveIndId, data);
    }
}
