using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>ZDO_SIMPLE_DESC_RSP (AREQ 0x45 0x84): one endpoint's simple descriptor; null descriptor when the status is not success.</summary>
public sealed record SimpleDescriptorResponse(ushort SourceAddress, byte Status, ushort NetworkAddress, SimpleDescriptor? Descriptor)
{
    public static SimpleDescriptorResponse? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.SimpleDescRspId) || frame.Data.Length < 6) return null;
        var d = frame.Data.AsSpan();
        var source = BinaryPrimitives.ReadUInt16LittleEndian(d);
        var network = BinaryPrimitives.ReadUInt16LittleEndian(d[3..]);
        if (d[2] != 0) return new SimpleDescriptorResponse(source, d[2], network, null);
        if (d.Length < 13) return null;
        var at = 6;
        var endpoint = d[at++];
        var profile = BinaryPrimitives.ReadUInt16LittleEndian(d[at..]); at += 2;
        var device = BinaryPrimitives.ReadUInt16LittleEndian(d[at..]); at += 2;
        var version = d[at++];
        if (!TryReadClusters(d, ref at, out var inClusters) || !TryReadClusters(d, ref at, out var outClusters)) return null;
        return new SimpleDescriptorResponse(source, 0, network, new SimpleDescriptor(endpoint, profile, device, version, inClusters, outClusters));
    }

    private static bool TryReadClusters(ReadOnlySpan<byte> d, ref int at, out ushort[] clusters)
    {
        clusters = [];
        if (at >= d.Length) return false;
        int count = d[at++];
        if (at + 2 * count > d.Length) return false;
        clusters = new ushort[count];
        for (var i = 0; i < count; i++, at += 2) clusters[i] = BinaryPrimitives.ReadUInt16LittleEndian(d[at..]);
        return true;
    }

    public MtFrame ToFrame()
    {
        var bytes = new List<byte>();
        void U16(ushort v) { bytes.Add((byte)v); bytes.Add((byte)(v >> 8)); }
        U16(SourceAddress);
        bytes.Add(Status);
        U16(NetworkAddress);
        if (Descriptor is not { } s)
        {
            bytes.Add(0);
            return new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.SimpleDescRspId, [.. bytes]);
        }
        bytes.Add((byte)(8 + 2 * (s.InClusters.Count + s.OutClusters.Count)));
        bytes.Add(s.Endpoint);
        U16(s.ProfileId);
        U16(s.DeviceId);
        bytes.Add(s.DeviceVersion);
        bytes.Add((byte)s.InClusters.Count);
        foreach (var c in s.InClusters) U16(c);
        bytes.Add((byte)s.OutClusters.Count);
        foreach (var c in s.OutClusters) U16(c);
        return new MtFrame(MtType.Areq, MtSubsystem.Zdo, ZdoCommands.SimpleDescRspId, [.. bytes]);
    }
}
