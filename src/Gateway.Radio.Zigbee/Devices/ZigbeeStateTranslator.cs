using Gateway.Core.Model;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;
using static Gateway.Core.Model.CoreStateNames;

namespace Gateway.Radio.Zigbee.Devices;

/// <summary>ZCL attribute values and IAS notifications to Overkiz states. Invalid or out-of-range readings give no state.</summary>
public static class ZigbeeStateTranslator
{
    public static IReadOnlyList<DeviceState> FromAttributes(ushort clusterId, IReadOnlyList<(ushort Id, ZclValue Value)> attributes) =>
        FromAttributes(clusterId, attributes, null);

    /// <param name="scale">A meter's scaling; multipliers and divisors found among <paramref name="attributes"/> take precedence.</param>
    public static IReadOnlyList<DeviceState> FromAttributes(ushort clusterId, IReadOnlyList<(ushort Id, ZclValue Value)> attributes, ZigbeeMeteringScale? scale)
    {
        scale = WithScaling(clusterId, attributes, scale ?? ZigbeeMeteringScale.Default);
        var states = new List<DeviceState>();
        foreach (var (id, value) in attributes)
        {
            if (!ZclDataTypes.IsInteger(value.Type) && !ZclDataTypes.IsFloat(value.Type)) continue;
            var number = value.Integer;
            switch (clusterId, id)
            {
                case (OnOffCluster.Id, OnOffCluster.OnOffAttribute):
                    states.Add(DeviceState.Of(OnOff, number != 0 ? "on" : "off"));
                    break;
                case (LevelControlCluster.Id, LevelControlCluster.CurrentLevel) when number is >= 0 and <= LevelControlCluster.MaximumLevel:
                    states.Add(DeviceState.Of(LightIntensity, LevelControlCluster.PercentFromLevel(number)));
                    break;
                case (ColorControlCluster.Id, ColorControlCluster.ColorTemperatureMireds) when number is > 0 and < 0xFFFF:
                    states.Add(DeviceState.Of(ColorTemperature, ColorControlCluster.KelvinFromMireds(number)));
                    break;
                case (ColorControlCluster.Id, ColorControlCluster.CurrentHue) when number is >= 0 and <= 254:
                    states.Add(DeviceState.Of(ColorHue, ColorControlCluster.DegreesFromHue(number)));
                    break;
                case (ColorControlCluster.Id, ColorControlCluster.CurrentSaturation) when number is >= 0 and <= 254:
                    states.Add(DeviceState.Of(ColorSaturation, ColorControlCluster.PercentFromSaturation(number)));
                    break;
                case (WindowCoveringCluster.Id, WindowCoveringCluster.CurrentPositionLiftPercentage) when number is >= 0 and <= 100:
                    states.Add(DeviceState.Of(Closure, (int)number));
                    states.Add(DeviceState.Of(OpenClosed, number == 100 ? "closed" : "open"));
                    break;
                case (ThermostatCluster.Id, ThermostatCluster.LocalTemperature) or (TemperatureMeasurementCluster.Id, TemperatureMeasurementCluster.MeasuredValue):
                    if (ZclTemperature.ToCelsius(number) is { } celsius) states.Add(DeviceState.Of(Temperature, celsius));
                    break;
                case (ThermostatCluster.Id, ThermostatCluster.OccupiedHeatingSetpoint):
                    if (ZclTemperature.ToCelsius(number) is { } setpoint) states.Add(DeviceState.Of(TargetTemperature, setpoint));
                    break;
                case (ThermostatCluster.Id, ThermostatCluster.SystemMode):
                    if (OperatingMode(number) is { } mode) states.Add(DeviceState.Of(CoreStateNames.OperatingMode, mode));
                    break;
                case (RelativeHumidityCluster.Id, RelativeHumidityCluster.MeasuredValue):
                    if (RelativeHumidityCluster.ToPercent(number) is { } humidity) states.Add(DeviceState.Of(RelativeHumidity, humidity));
                    break;
                case (IlluminanceMeasurementCluster.Id, IlluminanceMeasurementCluster.MeasuredValue):
                    if (IlluminanceMeasurementCluster.ToLux(number) is { } lux) states.Add(DeviceState.Of(Luminance, Math.Round(lux, 1)));
                    break;
                case (OccupancySensingCluster.Id, OccupancySensingCluster.Occupancy):
                    states.Add(DeviceState.Of(Occupancy, OccupancySensingCluster.IsOccupied(number) ? "personInside" : "noPersonInside"));
                    break;
                case (PowerConfigurationCluster.Id, PowerConfigurationCluster.BatteryPercentageRemaining):
                    if (PowerConfigurationCluster.BatteryPercent(number) is { } battery) states.Add(DeviceState.Of(BatteryLevel, battery));
                    break;
                case (ElectricalMeasurementCluster.Id, ElectricalMeasurementCluster.ActivePower) when number != short.MinValue:
                    states.Add(DeviceState.Of(ElectricPowerConsumption, ElectricalMeasurementCluster.Scale(number, scale.PowerMultiplier, scale.PowerDivisor)));
                    break;
                case (MeteringCluster.Id, MeteringCluster.CurrentSummationDelivered):
                    states.Add(DeviceState.Of(ElectricEnergyConsumption, 1000 * ElectricalMeasurementCluster.Scale(number, scale.MeteringMultiplier, scale.MeteringDivisor)));
                    break;
                case (MeteringCluster.Id, MeteringCluster.InstantaneousDemand):
                    states.Add(DeviceState.Of(ElectricPowerConsumption, 1000 * ElectricalMeasurementCluster.Scale(number, scale.MeteringMultiplier, scale.MeteringDivisor)));
                    break;
                case (IasZoneCluster.Id, IasZoneCluster.ZoneStatus):
                    if (attributes.FirstOrDefault(a => a.Id == IasZoneCluster.ZoneType).Value is { } zoneType)
                        states.AddRange(FromZoneStatus((ushort)zoneType.Integer, (ushort)number));
                    break;
            }
        }
        return states;
    }

    /// <summary>An IAS zone's status for its zone type: alarm 1 is the sensed condition (motion, open, smoke, water).</summary>
    public static IReadOnlyList<DeviceState> FromZoneStatus(ushort zoneType, ushort zoneStatus)
    {
        var alarm = ((IasZoneStatus)zoneStatus & IasZoneStatus.Alarm1) != 0;
        return zoneType switch
        {
            IasZoneType.MotionSensor => [DeviceState.Of(Occupancy, alarm ? "personInside" : "noPersonInside")],
            IasZoneType.ContactSwitch or IasZoneType.DoorWindowHandle => [DeviceState.Of(Contact, alarm ? "open" : "closed")],
            IasZoneType.FireSensor => [DeviceState.Of(Smoke, alarm ? "detected" : "notDetected")],
            IasZoneType.WaterSensor => [DeviceState.Of(WaterDetection, alarm ? "detected" : "notDetected")],
            _ => [],
        };
    }

    /// <summary>Link quality 0..255 as the signal states: a level 0..100 and its discrete name.</summary>
    public static IReadOnlyList<DeviceState> FromLinkQuality(byte linkQuality)
    {
        var level = (int)Math.Round(linkQuality * 100.0 / 255, MidpointRounding.AwayFromZero);
        var discrete = level switch
        {
            < 25 => "verylow",
            < 50 => "low",
            < 75 => "normal",
            _ => "good",
        };
        return [DeviceState.Of(RssiLevel, level), DeviceState.Of(DiscreteRssiLevel, discrete)];
    }

    /// <summary>core:StatusState: "available" or "unavailable".</summary>
    public static DeviceState Availability(bool available) => DeviceState.Of(Status, available ? "available" : "unavailable");

    private static string? OperatingMode(long systemMode) => systemMode switch
    {
        ThermostatCluster.SystemModeOff => "off",
        ThermostatCluster.SystemModeAuto => "auto",
        ThermostatCluster.SystemModeCool => "cool",
        ThermostatCluster.SystemModeHeat or ThermostatCluster.SystemModeEmergencyHeat => "heat",
        _ => null,
    };

    private static ZigbeeMeteringScale WithScaling(ushort clusterId, IReadOnlyList<(ushort Id, ZclValue Value)> attributes, ZigbeeMeteringScale scale)
    {
        long? Find(ushort id) => attributes.Where(a => a.Id == id).Select(a => (long?)a.Value.Integer).FirstOrDefault();
        return clusterId switch
        {
            ElectricalMeasurementCluster.Id => scale with
            {
                PowerMultiplier = Find(ElectricalMeasurementCluster.AcPowerMultiplier) ?? scale.PowerMultiplier,
                PowerDivisor = Find(ElectricalMeasurementCluster.AcPowerDivisor) ?? scale.PowerDivisor,
            },
            MeteringCluster.Id => scale with
            {
                MeteringMultiplier = Find(MeteringCluster.Multiplier) ?? scale.MeteringMultiplier,
                MeteringDivisor = Find(MeteringCluster.Divisor) ?? scale.MeteringDivisor,
            },
            _ => scale,
        };
    }
}
