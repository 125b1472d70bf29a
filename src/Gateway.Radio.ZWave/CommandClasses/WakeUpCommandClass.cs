namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Wake Up (0x84): Interval Set 0x04 <c>seconds (24 bits, big-endian), node to notify</c>; Interval Get 0x05; Interval
/// Report 0x06 <c>seconds (24 bits), node</c>; a sleeping node sends Notification 0x07 when it wakes; No More
/// Information 0x08 sends it back to sleep.
/// </summary>
public static class WakeUpCommandClass
{
    public const byte IntervalSetCommand = 0x04, IntervalGetCommand = 0x05, IntervalReportCommand = 0x06, NotificationCommand = 0x07, NoMoreInformationCommand = 0x08;
    public const int MaxInterval = 0xFFFFFF;

    public static byte[] IntervalSet(int seconds, byte nodeId)
    {
        var s = Math.Clamp(seconds, 0, MaxInterval);
        return CommandClassFrame.Of(CommandClassId.WakeUp, IntervalSetCommand, (byte)(s >> 16), (byte)(s >> 8), (byte)s, nodeId);
    }

    public static byte[] IntervalGet() => CommandClassFrame.Of(CommandClassId.WakeUp, IntervalGetCommand);

    public static byte[] IntervalReport(int seconds, byte nodeId) =>
        CommandClassFrame.Of(CommandClassId.WakeUp, IntervalReportCommand, (byte)(seconds >> 16), (byte)(seconds >> 8), (byte)seconds, nodeId);

    public static byte[] Notification() => CommandClassFrame.Of(CommandClassId.WakeUp, NotificationCommand);

    public static byte[] NoMoreInformation() => CommandClassFrame.Of(CommandClassId.WakeUp, NoMoreInformationCommand);

    public static bool IsNotification(ReadOnlySpan<byte> payload) => payload is [CommandClassId.WakeUp, NotificationCommand, ..];
}
