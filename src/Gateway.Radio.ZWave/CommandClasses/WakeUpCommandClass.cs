namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Wake Up (0x84): a sleeping node sends Notification 0x07 when it wakes; No More Information 0x08 sends it back to sleep.</summary>
public static class WakeUpCommandClass
{
    public const byte NotificationCommand = 0x07, NoMoreInformationCommand = 0x08;

    public static byte[] Notification() => CommandClassFrame.Of(CommandClassId.WakeUp, NotificationCommand);

    public static byte[] NoMoreInformation() => CommandClassFrame.Of(CommandClassId.WakeUp, NoMoreInformationCommand);

    public static bool IsNotification(ReadOnlySpan<byte> payload) => payload is [CommandClassId.WakeUp, NotificationCommand, ..];
}
