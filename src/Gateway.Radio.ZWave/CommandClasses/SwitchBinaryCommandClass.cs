namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Binary Switch (0x25): Set 0x01 (0x00 off, 0xFF on), Get 0x02, Report 0x03 current (0xFE unknown) [target duration].</summary>
public static class SwitchBinaryCommandClass
{
    public const byte SetCommand = 0x01, GetCommand = 0x02, ReportCommand = 0x03;

    public static byte[] Set(bool on) => CommandClassFrame.Of(CommandClassId.SwitchBinary, SetCommand, on ? (byte)0xFF : (byte)0x00);

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.SwitchBinary, GetCommand);

    public static byte[] Report(bool on) => CommandClassFrame.Of(CommandClassId.SwitchBinary, ReportCommand, on ? (byte)0xFF : (byte)0x00);
}
