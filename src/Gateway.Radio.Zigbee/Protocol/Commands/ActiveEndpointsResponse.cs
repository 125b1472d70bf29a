using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>ZDO_ACTIVE_EP_RSP (AREQ 0x45 0x85): the application endpoints a device has.</summary>
public sealed record ActiveEndpointsResponse(ushort SourceAddress, byte Status, ushort NetworkAddress, IReadOnlyList<byte> Endpoints)
{
    public static ActiveEndpointsResponse? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.ActiveEpRspId) || frame.Data.Length < 6) return null;
        var d = frame.Data;
        var count = Math.Min((int)d[5], d.Length - 6);
        return new ActiveEndpointsResponse(BinaryPrimitives.ReadUInt16LittleEndian(d), d[2], BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(3)), d.AsSpan(6, count).ToArray());
    }

    public MtFrame ToFrame()
    {
        var data = new byte[6 + Endpoints.Count];
        BinaryPrimitives.WriteUInt16LittleEndian(data, SourceAddress);
        data[2] = Status;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(3), NetworkAddress);
        data[5] = (byte)Endpoints.Count;
        for (var i = 0; i < Endpoints.Count; i++) data[6 + i] = Endpoints[i];
        return new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.ActiveEpRspId, data);
    }
}
