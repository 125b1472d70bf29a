namespace Gateway.Core.Model;

/// <summary>The core:* state names every radio reports under, spelled once.</summary>
public static class CoreStateNames
{
    public const string Status = "core:StatusState";
    public const string RssiLevel = "core:RSSILevelState";
    public const string DiscreteRssiLevel = "core:DiscreteRSSILevelState";
    public const string OnOff = "core:OnOffState";
    public const string LightIntensity = "core:LightIntensityState";
    public const string ColorTemperature = "core:ColorTemperatureState";
    public const string ColorHue = "core:ColorHueState";
    public const string ColorSaturation = "core:ColorSaturationState";
    public const string Closure = "core:ClosureState";
    public const string OpenClosed = "core:OpenClosedState";
    public const string Temperature = "core:TemperatureState";
    public const string TargetTemperature = "core:TargetTemperatureState";
    public const string OperatingMode = "core:OperatingModeState";
    public const string RelativeHumidity = "core:RelativeHumidityState";
    public const string Luminance = "core:LuminanceState";
    public const string Occupancy = "core:OccupancyState";
    public const string Contact = "core:ContactState";
    public const string Smoke = "core:SmokeState";
    public const string WaterDetection = "core:WaterDetectionState";
    public const string BatteryLevel = "core:BatteryLevelState";
    public const string ElectricPowerConsumption = "core:ElectricPowerConsumptionState";
    public const string ElectricEnergyConsumption = "core:ElectricEnergyConsumptionState";
}
