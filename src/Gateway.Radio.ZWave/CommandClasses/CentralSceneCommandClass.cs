namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Central Scene (0x5B): Supported Get 0x01, Supported Report 0x02 <c>scene count, …</c>; Notification 0x03
/// <c>sequence number, (slow refresh 1)(reserved 4)(key attributes 3), scene number</c>.
/// </summary>
public static class CentralSceneCommandClass
{
    public const byte SupportedGetCommand = 0x01, SupportedReportCommand = 0x02, NotificationCommand = 0x03;
    public const byte KeyPressed = 0, KeyReleased = 1, KeyHeldDown = 2, KeyPressed2x = 3, KeyPressed3x = 4, KeyPressed4x = 5, KeyPressed5x = 6;

    public static byte[] SupportedGet() => CommandClassFrame.Of(CommandClassId.CentralScene, SupportedGetCommand);

    public static byte[] SupportedReport(byte scenes) => CommandClassFrame.Of(CommandClassId.CentralScene, SupportedReportCommand, scenes, 0x00);

    public static byte[] Notification(byte sequence, byte keyAttribute, byte scene, bool slowRefresh = false) =>
        CommandClassFrame.Of(CommandClassId.CentralScene, NotificationCommand, sequence, (byte)((slowRefresh ? 0x80 : 0) | (keyAttribute & 0x07)), scene);

    /// <summary>How a key attribute reads in <c>zwave:CentralSceneState</c>; null for reserved values.</summary>
    public static string? NameOf(byte keyAttribute) => keyAttribute switch
    {
        KeyPressed => "pressed",
        KeyReleased => "released",
        KeyHeldDown => "held",
        KeyPressed2x => "pressed2x",
        KeyPressed3x => "pressed3x",
        KeyPressed4x => "pressed4x",
        KeyPressed5x => "pressed5x",
        _ => null,
    };
}
