using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>ZDO_EXT_NWK_INFO SRSP: the network the coordinator runs now (short address, state, PAN ID, extended PAN ID, channel).</summary>
public sealed record ExtendedNetworkInfo(ushort ShortAddress, ZdoState State, ushort PanId, ushort ParentAddress, ulong ExtendedPanId, ulong ParentExtendedAddress, byte Channel)
{
    public const int Length = 24;

    public static ExtendedNetworkInfo? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Srsp, MtSubsystem.Zdo, ZdoCommands.ExtNwkInfoId) || frame.Data.Length < Length) return null;
        var d = frame.Data.AsSpan();
        return new ExtendedNetworkInfo(BinaryPrimitives.ReadUInt16LittleEndian(d), (ZdoState)d[2], BinaryPrimitives.ReadUInt16LittleEndian(d[3..]),
            BinaryPrimitives.ReadUInt16LittleEndian(d[5..]), BinaryPrimitives.ReadUInt64LittleEndian(d[7..]), BinaryPrimitives.ReadUInt64LittleEndian(d[15..]), d[23]);
    }

    public MtFrame ToFrame()
    {
        var data = new byte[Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, ShortAddress);
        data[2] = (byte)State;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(3), PanId);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(5), ParentAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(7), ExtendedPanId);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(15), ParentExtendedAddress);
        data[23] = Channel;
        return new MtFrame(MtType.Srsp, MtSubsystem.Zdo, ZdoCommands.ExtNwkInfoId, data);
    }
}
