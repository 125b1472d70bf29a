namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Notification (0x71, v3+): Get 0x04, Report 0x05 <c>v1 alarm type, v1 alarm level, reserved, status, type, event,
/// params length, params…</c>; SupportedGet 0x07, SupportedReport 0x08 <c>length, type bitmask</c>.
/// </summary>
public static class NotificationCommandClass
{
    public const byte GetCommand = 0x04, ReportCommand = 0x05, SupportedGetCommand = 0x07, SupportedReportCommand = 0x08;

    public const byte Smoke = 0x01, Water = 0x05, AccessControl = 0x06, HomeSecurity = 0x07;

    public const byte Idle = 0x00;
    public const byte SmokeDetected = 0x01, SmokeDetectedUnknownLocation = 0x02;
    public const byte LeakDetected = 0x01, LeakDetectedUnknownLocation = 0x02;
    public const byte WindowDoorOpen = 0x16, WindowDoorClosed = 0x17;
    public const byte Tampering = 0x03, MotionDetected = 0x07, MotionDetectedUnknownLocation = 0x08;

    public static byte[] SupportedGet() => CommandClassFrame.Of(CommandClassId.Notification, SupportedGetCommand);

    public static byte[] Report(byte type, byte notificationEvent, params byte[] parameters) =>
        CommandClassFrame.Of(CommandClassId.Notification, ReportCommand, [0x00, 0x00, 0x00, 0xFF, type, notificationEvent, (byte)parameters.Length, .. parameters]);

    public static byte[] SupportedReport(params byte[] types)
    {
        var mask = new byte[1 + (types.Length == 0 ? 0 : types.Max() / 8)];
        foreach (var type in types) mask[type / 8] |= (byte)(1 << (type % 8));
        return CommandClassFrame.Of(CommandClassId.Notification, SupportedReportCommand, [(byte)mask.Length, .. mask]);
    }
}
