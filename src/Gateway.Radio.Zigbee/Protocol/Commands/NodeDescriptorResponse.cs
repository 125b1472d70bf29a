using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>ZDO_NODE_DESC_RSP (AREQ 0x45 0x82): logical type, MAC capabilities and manufacturer code of a device.</summary>
public sealed record NodeDescriptorResponse(ushort SourceAddress, byte Status, ushort NetworkAddress, ZigbeeLogicalType LogicalType, byte MacCapabilities, ushort ManufacturerCode)
{
    private const int Length = 18;

    /// <summary>MAC capability bit: mains powered.</summary>
    public bool MainsPowered => (MacCapabilities & 0x04) != 0;

    public static NodeDescriptorResponse? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.NodeDescRspId) || frame.Data.Length < 5) return null;
        var d = frame.Data.AsSpan();
        var source = BinaryPrimitives.ReadUInt16LittleEndian(d);
        var network = BinaryPrimitives.ReadUInt16LittleEndian(d[3..]);
        if (d[2] != 0 || d.Length < Length) return new NodeDescriptorResponse(source, d[2] == 0 ? (byte)0xFF : d[2], network, ZigbeeLogicalType.Unknown, 0, 0);
        return new NodeDescriptorResponse(source, d[2], network, (ZigbeeLogicalType)(d[5] & 0x07), d[7], BinaryPrimitives.ReadUInt16LittleEndian(d[8..]));
    }

    public MtFrame ToFrame()
    {
        var data = new byte[Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, SourceAddress);
        data[2] = Status;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(3), NetworkAddress);
        data[5] = (byte)LogicalType;
        data[6] = 0x40; // 2.4 GHz band
        data[7] = MacCapabilities;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), ManufacturerCode);
        data[10] = 0x52; // max buffer size
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(11), 0x00A0);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(13), 0x2C00); // server mask: stack compliance revision 22
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(15), 0x00A0);
        data[17] = 0;
        return new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.NodeDescRspId, data);
    }
}
