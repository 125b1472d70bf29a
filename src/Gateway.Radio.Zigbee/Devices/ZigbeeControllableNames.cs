namespace Gateway.Radio.Zigbee.Devices;

/// <summary>The controllable names of the Zigbee kinds in the device catalog.</summary>
public static class ZigbeeControllableNames
{
    public const string OnOffLight = "zigbee:OnOffLightComponent";
    public const string OnOffPlug = "zigbee:OnOffPlugComponent";
    public const string OnOffMeteringPlug = "zigbee:OnOffMeteringPlugComponent";
    public const string DimmerLight = "zigbee:DimmerLightComponent";
    public const string ColorTemperatureLight = "zigbee:ColorTemperatureLightComponent";
    public const string ColorLight = "zigbee:ColorLightComponent";
    public const string WindowCovering = "zigbee:WindowCoveringComponent";
    public const string Thermostat = "zigbee:ThermostatComponent";
    public const string TemperatureSensor = "zigbee:TemperatureSensorComponent";
    public const string TemperatureHumiditySensor = "zigbee:TemperatureHumiditySensorComponent";
    public const string HumiditySensor = "zigbee:HumiditySensorComponent";
    public const string LightSensor = "zigbee:LightSensorComponent";
    public const string OccupancySensor = "zigbee:OccupancySensorComponent";
    public const string ContactSensor = "zigbee:ContactSensorComponent";
    public const string SmokeSensor = "zigbee:SmokeSensorComponent";
    public const string WaterDetectionSensor = "zigbee:WaterDetectionSensorComponent";
    public const string ElectricityMeter = "zigbee:ElectricityMeterComponent";

    public static readonly IReadOnlyList<string> All =
    [
        OnOffLight, OnOffPlug, OnOffMeteringPlug, DimmerLight, ColorTemperatureLight, ColorLight, WindowCovering, Thermostat,
        TemperatureSensor, TemperatureHumiditySensor, HumiditySensor, LightSensor, OccupancySensor, ContactSensor, SmokeSensor,
        WaterDetectionSensor, ElectricityMeter,
    ];
}
