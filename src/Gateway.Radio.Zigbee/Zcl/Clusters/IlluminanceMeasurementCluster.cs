namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Illuminance Measurement (0x0400), ZCL spec §4.2: MeasuredValue = 10000 · log10(lux) + 1.</summary>
public static class IlluminanceMeasurementCluster
{
    public const ushort Id = ZclClusterId.IlluminanceMeasurement;

    public const ushort MeasuredValue = 0x0000; // uint16

    /// <summary>0 is "too low to measure", 0xFFFF is invalid.</summary>
    public static double? ToLux(long measured) => measured switch
    {
        0 => 0,
        < 0 or >= 0xFFFF => null,
        _ => Math.Pow(10, (measured - 1) / 10000.0),
    };

    public static ushort FromLux(double lux) =>
        lux <= 0 ? (ushort)0 : (ushort)Math.Clamp(Math.Round(10000 * Math.Log10(lux) + 1), 1, 0xFFFE);
}
