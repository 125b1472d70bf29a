namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>Multilevel Sensor (0x31): Get 0x04 [type scale], Report 0x05 type, scaled value.</summary>
public static class SensorMultilevelCommandClass
{
    public const byte GetCommand = 0x04, ReportCommand = 0x05;

    public const byte AirTemperature = 0x01, Illuminance = 0x03, Power = 0x04, Humidity = 0x05;

    public static byte[] Get() => CommandClassFrame.Of(CommandClassId.SensorMultilevel, GetCommand);

    public static byte[] Get(byte sensorType, byte scale) => CommandClassFrame.Of(CommandClassId.SensorMultilevel, GetCommand, sensorType, (byte)((scale & 0x03) << 3));

    public static byte[] Report(byte sensorType, double value, byte scale, int precision) =>
        CommandClassFrame.Of(CommandClassId.SensorMultilevel, ReportCommand, [sensorType, .. ScaledValue.Write(value, scale, precision)]);
}
