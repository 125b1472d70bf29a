using System.Buffers.Binary;
using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>The SYS subsystem commands used at start-up (Z-Stack Monitor and Test API, chapter SYS).</summary>
public static class SysCommands
{
    public const byte ResetReqId = 0x00;
    public const byte PingId = 0x01;
    public const byte VersionId = 0x02;
    public const byte OsalNvReadId = 0x08;
    public const byte OsalNvWriteId = 0x09;
    public const byte ResetIndId = 0x80;

    /// <summary>SYS_RESET_REQ is an AREQ: the coordinator answers with SYS_RESET_IND once it is back.</summary>
    public static MtFrame ResetRequest(ResetType type) => new(MtType.Areq, MtSubsystem.Sys, ResetReqId, [(byte)type]);

    public static MtFrame Ping() => new(MtType.Sreq, MtSubsystem.Sys, PingId, []);

    /// <summary>The capabilities bitmap of a SYS_PING SRSP (which MT subsystems the firmware was built with).</summary>
    public static ushort? ParsePingCapabilities(MtFrame response) =>
        response.Is(MtType.Srsp, MtSubsystem.Sys, PingId) && response.Data.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(response.Data) : null;

    public static MtFrame PingResponse(ushort capabilities)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(data, capabilities);
        return new MtFrame(MtType.Srsp, MtSubsystem.Sys, PingId, data);
    }

    public static MtFrame Version() => new(MtType.Sreq, MtSubsystem.Sys, VersionId, []);

    public static MtFrame NvRead(ushort id, byte offset = 0)
    {
        var data = new byte[3];
        BinaryPrimitives.WriteUInt16LittleEndian(data, id);
        data[2] = offset;
        return new MtFrame(MtType.Sreq, MtSubsystem.Sys, OsalNvReadId, data);
    }

    public static MtFrame NvWrite(ushort id, ReadOnlySpan<byte> value, byte offset = 0)
    {
        var data = new byte[4 + value.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, id);
        data[2] = offset;
        data[3] = checked((byte)value.Length);
        value.CopyTo(data.AsSpan(4));
        return new MtFrame(MtType.Sreq, MtSubsystem.Sys, OsalNvWriteId, data);
    }

    /// <summary>The status byte most SRSPs start with (0 = success); null when the frame carries none.</summary>
    public static byte? StatusOf(MtFrame response) => response.Type == MtType.Srsp && response.Data.Length >= 1 ? response.Data[0] : null;

    public static MtFrame StatusResponse(MtSubsystem subsystem, byte command, byte status) => new(MtType.Srsp, subsystem, command, [status]);
}
