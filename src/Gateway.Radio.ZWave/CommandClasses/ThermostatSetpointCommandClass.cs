namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Thermostat Setpoint (0x43): Set 0x01 <c>(reserved 4)(type 4)</c>, scaled value; Get 0x02 <c>(reserved 4)(type 4)</c>;
/// Report 0x03 <c>(reserved 4)(type 4)</c>, scaled value. Types: 1 heating, 2 cooling, 11 energy save heating.
/// Scale 0 is °C, 1 is °F.
/// </summary>
public static class ThermostatSetpointCommandClass
{
    public const byte SetCommand = 0x01, GetCommand = 0x02, ReportCommand = 0x03;
    public const byte Heating = 0x01, Cooling = 0x02, EnergySaveHeating = 0x0B;
    public const byte Celsius = 0, Fahrenheit = 1;

    public static byte[] Set(byte setpointType, double value, byte scale = Celsius, int precision = 1) =>
        CommandClassFrame.Of(CommandClassId.ThermostatSetpoint, SetCommand, [(byte)(setpointType & 0x0F), .. ScaledValue.Write(value, scale, precision)]);

    public static byte[] Get(byte setpointType) => CommandClassFrame.Of(CommandClassId.ThermostatSetpoint, GetCommand, (byte)(setpointType & 0x0F));

    public static byte[] Report(byte setpointType, double value, byte scale = Celsius, int precision = 1) =>
        CommandClassFrame.Of(CommandClassId.ThermostatSetpoint, ReportCommand, [(byte)(setpointType & 0x0F), .. ScaledValue.Write(value, scale, precision)]);
}
