namespace Gateway.Radio.ZWave.CommandClasses;

/// <summary>
/// Meter (0x32): Get 0x01 [scale], Report 0x02 <c>(scale bit 2)(1) rate type(2) meter type(5)</c>, scaled value
/// [delta time, previous value], Supported Get 0x03, Supported Report 0x04 <c>(reset 1)(reserved 2)(meter type 5),
/// (more 1)(rate types 2)(scales 5)</c> (v2+), Reset 0x05 (v2+). Electric scales: 0 kWh, 1 kVAh, 2 W, 3 pulses, 4 V, 5 A.
/// </summary>
public static class MeterCommandClass
{
    public const byte GetCommand = 0x01, ReportCommand = 0x02, SupportedGetCommand = 0x03, SupportedReportCommand = 0x04, ResetCommand = 0x05;
    public const byte Electric = 0x01;
    public const byte KilowattHours = 0, Watts = 2;

    public static byte[] Get(byte scale) => CommandClassFrame.Of(CommandClassId.Meter, GetCommand, (byte)((scale & 0x03) << 3));

    public static byte[] SupportedGet() => CommandClassFrame.Of(CommandClassId.Meter, SupportedGetCommand);

    public static byte[] SupportedReport(bool resettable, byte meterType, byte scaleMask) =>
        CommandClassFrame.Of(CommandClassId.Meter, SupportedReportCommand, (byte)((resettable ? 0x80 : 0) | (meterType & 0x1F)), (byte)(scaleMask & 0x1F));

    public static byte[] Reset() => CommandClassFrame.Of(CommandClassId.Meter, ResetCommand);

    public static byte[] Report(byte meterType, double value, byte scale, int precision) =>
        CommandClassFrame.Of(CommandClassId.Meter, ReportCommand, [(byte)(0x20 | meterType), .. ScaledValue.Write(value, scale, precision), 0x00, 0x00]);
}
