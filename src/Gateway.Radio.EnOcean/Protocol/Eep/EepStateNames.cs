namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>The state names the EEP decoders produce.</summary>
public static class EepStateNames
{
    /// <summary>Rocker switches: "A0", "A1", "B0", "B1", "A0+B0"-style for two buttons, "released", "multiple", "energyBow".</summary>
    public const string ButtonState = "enocean:ButtonState";
    public const string ContactState = "core:ContactState";
    public const string TemperatureState = "core:TemperatureState";
    public const string RelativeHumidityState = "core:RelativeHumidityState";
    public const string LuminanceState = "core:LuminanceState";
    public const string OccupancyState = "core:OccupancyState";
    public const string Co2ConcentrationState = "core:CO2ConcentrationState";
    public const string ElectricEnergyConsumptionState = "core:ElectricEnergyConsumptionState";
    public const string ElectricPowerConsumptionState = "core:ElectricPowerConsumptionState";
    public const string CounterState = "core:CounterState";
    /// <summary>A5-12-00 "current value" (data type 1): counts per second.</summary>
    public const string CounterRateState = "enocean:CounterRateState";
    public const string OnOffState = "core:OnOffState";
    public const string LightIntensityState = "core:LightIntensityState";
    public const string RssiLevelState = "core:RSSILevelState";
    public const string DiscreteRssiLevelState = "core:DiscreteRSSILevelState";
}
