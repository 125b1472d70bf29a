using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>AF_INCOMING_MSG (AREQ 0x44 0x81): an application frame (a ZCL frame, usually) received on an endpoint.</summary>
public sealed record IncomingMessage(
    ushort GroupId, ushort ClusterId, ushort SourceAddress, byte SourceEndpoint, byte DestinationEndpoint,
    bool WasBroadcast, byte LinkQuality, bool SecurityUse, uint Timestamp, byte TransactionSequence, byte[] Payload)
{
    private const int HeaderLength = 17;

    public static IncomingMessage? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Areq, MtSubsystem.Af, AfCommands.IncomingMsgId) || frame.Data.Length < HeaderLength) return null;
        var d = frame.Data.AsSpan();
        int length = d[16];
        // Z-Stack 3 appends the MAC source address and radius behind the payload; they are ignored here.
        if (d.Length < HeaderLength + length) return null;
        return new IncomingMessage(
            BinaryPrimitives.ReadUInt16LittleEndian(d), BinaryPrimitives.ReadUInt16LittleEndian(d[2..]), BinaryPrimitives.ReadUInt16LittleEndian(d[4..]),
            d[6], d[7], d[8] != 0, d[9], d[10] != 0, BinaryPrimitives.ReadUInt32LittleEndian(d[11..]), d[15], d.Slice(HeaderLength, length).ToArray());
    }

    public MtFrame ToFrame()
    {
        var data = new byte[HeaderLength + Payload.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, GroupId);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), ClusterId);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), SourceAddress);
        data[6] = SourceEndpoint;
        data[7] = DestinationEndpoint;
        data[8] = WasBroadcast ? (byte)1 : (byte)0;
        data[9] = LinkQuality;
        data[10] = SecurityUse ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(11), Timestamp);
        data[15] = TransactionSequence;
        data[16] = checked((byte)Payload.Length);
        Payload.CopyTo(data.AsSpan(HeaderLength));
        return new MtFrame(MtType.Areq, MtSubsystem.Af, AfCommands.IncomingMsgId, data);
    }
}
