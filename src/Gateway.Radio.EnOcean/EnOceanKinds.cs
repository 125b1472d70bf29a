using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;

namespace Gateway.Radio.EnOcean;

/// <summary>Which catalog kind (controllable name) and default label a device of a given EEP gets.</summary>
public static class EnOceanKinds
{
    public const string Rocker = "enocean:EnOceanRockerSwitchComponent";
    public const string Contact = "enocean:EnOceanContactSensorComponent";
    public const string Temperature = "enocean:EnOceanTemperatureSensorComponent";
    public const string TemperatureHumidity = "enocean:EnOceanTemperatureHumiditySensorComponent";
    public const string Light = "enocean:EnOceanLightSensorComponent";
    public const string Occupancy = "enocean:EnOceanOccupancySensorComponent";
    public const string AirQuality = "enocean:EnOceanCO2SensorComponent";
    public const string ElectricityMeter = "enocean:EnOceanElectricityMeterComponent";
    public const string Counter = "enocean:EnOceanCounterComponent";
    public const string Switch = "enocean:EnOceanOnOffSwitchComponent";
    public const string Dimmer = "enocean:EnOceanDimmerComponent";
    public const string GatewayTaughtActuator = "enocean:EnOceanSwitchingActuatorComponent";

    /// <summary>The kind for an EEP, or null when the gateway cannot use that profile.</summary>
    public static (string ControllableName, string Label)? For(EepProfile eep)
    {
        (string, string)? kind = (eep.Rorg, eep.Func) switch
        {
            (Rorg.Rps, 0x02 or 0x03) => (Rocker, "EnOcean rocker switch"),
            (Rorg.Bs1, 0x00) => (Contact, "EnOcean contact"),
            (Rorg.Bs4, 0x02) => (Temperature, "EnOcean temperature sensor"),
            (Rorg.Bs4, 0x04) => (TemperatureHumidity, "EnOcean temperature and humidity sensor"),
            (Rorg.Bs4, 0x06) => (Light, "EnOcean light sensor"),
            (Rorg.Bs4, 0x07) => (Occupancy, "EnOcean occupancy sensor"),
            (Rorg.Bs4, 0x09) => (AirQuality, "EnOcean CO2 sensor"),
            (Rorg.Bs4, 0x12) when eep.Type == 0x01 => (ElectricityMeter, "EnOcean electricity meter"),
            (Rorg.Bs4, 0x12) when eep.Type == 0x00 => (Counter, "EnOcean counter"),
            (Rorg.Bs4, 0x38) when eep.Type == 0x08 => (GatewayTaughtActuator, "EnOcean actuator"),
            (Rorg.Vld, 0x01) when IsDimmer(eep) => (Dimmer, "EnOcean dimmer"),
            (Rorg.Vld, 0x01) => (Switch, "EnOcean switch"),
            _ => null,
        };
        // A kind is only offered when its telegrams can be read (or, for gateway-taught actuators, written).
        if (kind is null || (kind.Value.Item1 != GatewayTaughtActuator && EepDecoders.Find(eep) is null)) return null;
        return kind;
    }

    /// <summary>D2-01 types with a dimming output.</summary>
    public static bool IsDimmer(EepProfile eep) => eep.Rorg == Rorg.Vld && eep.Func == 0x01 && eep.Type is 0x02 or 0x03 or 0x06 or 0x07 or 0x0B;

    /// <summary>Sensors report on their own and are expected to be heard from regularly.</summary>
    public static bool ReportsPeriodically(EepProfile eep) => eep.Rorg == Rorg.Bs4 && eep.Func != 0x38;
}
