namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Battery (0x80): Get 0x02, Report 0x03 level (0…100 %, 0xFF = low battery warning).</summary>
public static class BatteryCommandClass
{
    public const byte GetCommand = 0x02, ReportCommand = 0x03;
    public const byte LowBatteryWarning = 0xFF;

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.Battery, GetCommand);

    public static byte[] Report(byte level) => CommandClassFrame.Of(CommandClassId.Battery, ReportCommand, level);
}
