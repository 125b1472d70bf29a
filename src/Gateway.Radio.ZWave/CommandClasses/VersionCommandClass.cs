namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Version (0x86): Get 0x11, Report 0x12 library type, protocol version, sub version, application version, sub version.</summary>
public static class VersionCommandClass
{
    public const byte GetCommand = 0x11, ReportCommand = 0x12;

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.Version, GetCommand);

    public static byte[] Report(byte libraryType, byte protocol, byte protocolSub, byte application, byte applicationSub) =>
        CommandClassFrame.Of(CommandClassId.Version, ReportCommand, libraryType, protocol, protocolSub, application, applicationSub);
}
