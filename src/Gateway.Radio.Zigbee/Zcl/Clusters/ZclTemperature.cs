namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>int16 hundredths of a degree Celsius, where 0x8000 means "invalid" (ZCL spec §4.4.2.2.1).</summary>
public static class ZclTemperature
{
    public const short Invalid = short.MinValue;

    public static double? ToCelsius(long centidegrees) =>
        centidegrees is Invalid or < -27315 or > short.MaxValue ? null : centidegrees / 100.0;

    public static short ToCentidegrees(double celsius) => (short)Math.Clamp(Math.Round(celsius * 100), -27315, short.MaxValue);
}
