namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Supervision (0x6C): Get 0x01 <c>(status updates 1)(reserved 1)(session id 6), length, command…</c>; Report 0x02
/// <c>(more status updates 1)(reserved 1)(session id 6), status, duration</c>. Status: 0x00 no support, 0x01 working,
/// 0x02 fail, 0xFF success.
/// </summary>
public static class SupervisionCommandClass
{
    public const byte GetCommand = 0x01, ReportCommand = 0x02;
    public const byte NoSupport = 0x00, Working = 0x01, Fail = 0x02, Success = 0xFF;
    public const byte SessionIdMask = 0x3F;

    public static byte[] Get(byte sessionId, byte[] command, bool statusUpdates = false) =>
        CommandClassFrame.Of(CommandClassId.Supervision, GetCommand, [(byte)((statusUpdates ? 0x80 : 0) | (sessionId & SessionIdMask)), (byte)command.Length, .. command]);

    public static byte[] Report(byte sessionId, byte status, byte duration = 0, bool moreStatusUpdates = false) =>
        CommandClassFrame.Of(CommandClassId.Supervision, ReportCommand, (byte)((moreStatusUpdates ? 0x80 : 0) | (sessionId & SessionIdMask)), status, duration);

    /// <summary>The session and the command a Supervision Get carries, or null when it is not a well-formed one.</summary>
    public static (byte SessionId, bool StatusUpdates, byte[] Command)? ParseGet(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4 || payload[0] != CommandClassId.Supervision || payload[1] != GetCommand) return null;
        var length = payload[3];
        if (length < 2 || payload.Length < 4 + length) return null;
        return ((byte)(payload[2] & SessionIdMask), (payload[2] & 0x80) != 0, payload.Slice(4, length).ToArray());
    }
}
