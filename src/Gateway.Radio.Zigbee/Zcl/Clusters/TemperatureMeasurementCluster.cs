namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Temperature Measurement (0x0402), ZCL spec §4.4: int16 hundredths of a degree Celsius.</summary>
public static class TemperatureMeasurementCluster
{
    public const ushort Id = ZclClusterId.TemperatureMeasurement;

    public const ushort MeasuredValue = 0x0000;
    public const ushort MinMeasuredValue = 0x0001;
    public const ushort MaxMeasuredValue = 0x0002;
}
