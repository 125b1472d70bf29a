namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Relative Humidity Measurement (0x0405), ZCL spec §4.7: uint16 hundredths of a percent, 0xFFFF invalid.</summary>
public static class RelativeHumidityCluster
{
    public const ushort Id = ZclClusterId.RelativeHumidityMeasurement;

    public const ushort MeasuredValue = 0x0000;

    public static double? ToPercent(long centipercent) => centipercent is < 0 or > 10000 ? null : centipercent / 100.0;
}
