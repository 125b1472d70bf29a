namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Cluster identifiers (ZCL spec, one chapter each).</summary>
public static class ZclClusterId
{
    public const ushort Basic = 0x0000;
    public const ushort PowerConfiguration = 0x0001;
    public const ushort Identify = 0x0003;
    public const ushort Groups = 0x0004;
    public const ushort Scenes = 0x0005;
    public const ushort OnOff = 0x0006;
    public const ushort LevelControl = 0x0008;
    public const ushort Ota = 0x0019;
    public const ushort PollControl = 0x0020;
    public const ushort WindowCovering = 0x0102;
    public const ushort Thermostat = 0x0201;
    public const ushort FanControl = 0x0202;
    public const ushort ColorControl = 0x0300;
    public const ushort IlluminanceMeasurement = 0x0400;
    public const ushort TemperatureMeasurement = 0x0402;
    public const ushort PressureMeasurement = 0x0403;
    public const ushort RelativeHumidityMeasurement = 0x0405;
    public const ushort OccupancySensing = 0x0406;
    public const ushort IasZone = 0x0500;
    public const ushort Metering = 0x0702;
    public const ushort ElectricalMeasurement = 0x0B04;
    public const ushort Diagnostics = 0x0B05;
}
