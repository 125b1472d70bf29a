using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>
/// SYS_VERSION SRSP: transport revision, product, release numbers; Z-Stack 3 firmware appends its build revision
/// (a date such as 20190425) and the bootloader's build type and revision.
/// </summary>
public sealed record VersionResponse(byte TransportRevision, ZStackProduct Product, byte MajorRelease, byte MinorRelease, byte MaintenanceRelease, uint? Revision)
{
    public static VersionResponse? TryParse(MtFrame frame)
    {
        if (!frame.Is(MtType.Srsp, MtSubsystem.Sys, SysCommands.VersionId) || frame.Data.Length < 5) return null;
        var d = frame.Data;
        uint? revision = d.Length >= 9 ? BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(5)) : null;
        return new VersionResponse(d[0], (ZStackProduct)d[1], d[2], d[3], d[4], revision);
    }

    public MtFrame ToFrame()
    {
        var data = new List<byte> { TransportRevision, (byte)Product, MajorRelease, MinorRelease, MaintenanceRelease };
        if (Revision is { } revision)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, revision);
            data.AddRange(bytes);
        }
        return new MtFrame(MtType.Srsp, MtSubsystem.Sys, SysCommands.VersionId, [.. data]);
    }

    public override string ToString() => $"Z-Stack {Product} {MajorRelease}.{MinorRelease}.{MaintenanceRelease} (transport {TransportRevision}, build {Revision?.ToString() ?? "?"})";
}
