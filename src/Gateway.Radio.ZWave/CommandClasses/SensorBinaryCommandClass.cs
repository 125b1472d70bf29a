namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Binary Sensor (0x30): Get 0x02, Report 0x03 value (0x00 idle, 0xFF detected) [sensor type].</summary>
public static class SensorBinaryCommandClass
{
    public const byte GetCommand = 0x02, ReportCommand = 0x03;

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.SensorBinary, GetCommand);

    public static byte[] Report(bool detected) => CommandClassFrame.Of(CommandClassId.SensorBinary, ReportCommand, detected ? (byte)0xFF : (byte)0x00);
}
