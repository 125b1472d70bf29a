namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Multilevel Switch (0x26): Set 0x01 level (0…99, 0xFF = last level) [duration], Get 0x02, Report 0x03 current
/// [target duration], StartLevelChange 0x04 flags (bit 6 down, bit 5 ignore start level) start level [duration],
/// StopLevelChange 0x05.
/// </summary>
public static class SwitchMultilevelCommandClass
{
    public const byte SetCommand = 0x01, GetCommand = 0x02, ReportCommand = 0x03, StartLevelChangeCommand = 0x04, StopLevelChangeCommand = 0x05;
    public const byte MaxLevel = 99;
    public const byte LastLevel = 0xFF;

    public static byte[] Set(byte level) => CommandClassFrame.Of(CommandClassId.SwitchMultilevel, SetCommand, level);

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.SwitchMultilevel, GetCommand);

    public static byte[] StartLevelChange(bool down) =>
        CommandClassFrame.Of(CommandClassId.SwitchMultilevel, StartLevelChangeCommand, (byte)((down ? 0x40 : 0x00) | 0x20), 0x00);

    public static byte[] StopLevelChange() => CommandClassFrame.Of(CommandClassId.SwitchMultilevel, StopLevelChangeCommand);

    public static byte[] Report(byte level) => CommandClassFrame.Of(CommandClassId.SwitchMultilevel, ReportCommand, level);

    /// <summary>0…100 % to a level 0…99.</summary>
    public static byte LevelOf(int percent) => (byte)Math.Round(Math.Clamp(percent, 0, 100) * MaxLevel / 100.0);

    /// <summary>A level 0…99 (0xFF: fully on) to 0…100 %.</summary>
    public static int PercentOf(byte level) => level >= MaxLevel ? 100 : (int)Math.Round(level * 100.0 / MaxLevel);
}
