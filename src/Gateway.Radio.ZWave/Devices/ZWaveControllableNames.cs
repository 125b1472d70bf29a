namespace Gateway.Radio.ZWave.Devices;

/// <summary>The controllable names of the Z-Wave kinds in the device catalog.</summary>
public static class ZWaveControllableNames
{
    public const string OnOffSwitch = "zwave:OnOffSwitchComponent";
    public const string DimmerLight = "zwave:DimmerLightComponent";
    public const string RollerShutter = "zwave:RollerShutterComponent";
    public const string MultiSensor = "zwave:MultiSensorComponent";
    public const string ContactSensor = "zwave:ContactSensorComponent";
    public const string MotionSensor = "zwave:MotionSensorComponent";
    public const string SmokeSensor = "zwave:SmokeSensorComponent";
    public const string WaterDetectionSensor = "zwave:WaterDetectionSensorComponent";
    public const string ElectricityMeter = "zwave:ElectricityMeterComponent";
    public const string Thermostat = "zwave:ThermostatComponent";
    public const string SceneController = "zwave:SceneControllerComponent";

    public static readonly IReadOnlyList<string> All =
        [OnOffSwitch, DimmerLight, RollerShutter, MultiSensor, ContactSensor, MotionSensor, SmokeSensor, WaterDetectionSensor, ElectricityMeter, Thermostat, SceneController];
}
