namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Basic (0x20): Set 0x01 value, Get 0x02, Report 0x03 current [target duration].</summary>
public static class BasicCommandClass
{
    public const byte SetCommand = 0x01, GetCommand = 0x02, ReportCommand = 0x03;

    public static byte[] Set(byte value) => CommandClassFrame.Of(CommandClassId.Basic, SetCommand, value);

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.Basic, GetCommand);

    public static byte[] Report(byte value) => CommandClassFrame.Of(CommandClassId.Basic, ReportCommand, value);
}
