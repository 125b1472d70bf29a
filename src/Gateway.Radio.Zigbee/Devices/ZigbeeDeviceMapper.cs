using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Devices;

/// <summary>
/// Turns an interviewed node into Overkiz devices: each Home Automation or Light Link endpoint whose server clusters
/// make a known kind becomes one device. The strongest cluster decides (a covering before a light, a light before a
/// sensor), and battery-powered endpoints serving Power Configuration also report their battery.
/// </summary>
public static class ZigbeeDeviceMapper
{
    // Home Automation device ids (ZHA 1.2 §5.7) and Light Link ones (ZLL 1.0 §5.2) that name a light rather than a plug.
    private static readonly HashSet<ushort> HaOnOffLights = [0x0100];
    private static readonly HashSet<ushort> LightLinkOnOffLights = [0x0000];
    private static readonly HashSet<ushort> ColorTemperatureLights = [0x010C, 0x0220];

    // Minimum interval, maximum interval: the maximum is also how long the gateway waits before judging a device lost.
    private const ushort ActuatorMax = 300;
    private const ushort SensorMax = 1800;
    private const ushort BatteryMin = 3600;
    private const ushort BatteryMax = 21600;

    /// <summary>The IAS zone type a kind made from an IAS zone stands for (the inverse of the mapping); null for other kinds.</summary>
    public static ushort? ZoneTypeOf(string controllableName) => controllableName switch
    {
        ZigbeeControllableNames.OccupancySensor => IasZoneType.MotionSensor,
        ZigbeeControllableNames.ContactSensor => IasZoneType.ContactSwitch,
        ZigbeeControllableNames.SmokeSensor => IasZoneType.FireSensor,
        ZigbeeControllableNames.WaterDetectionSensor => IasZoneType.WaterSensor,
        _ => null,
    };

    public static IReadOnlyList<ZigbeeDeviceDefinition> Map(ZigbeeNodeInfo node)
    {
        var mapped = new List<(ZigbeeEndpointInfo Endpoint, string Kind)>();
        foreach (var endpoint in node.Endpoints)
        {
            if (endpoint.ProfileId is not (ZigbeeEndpointInfo.HomeAutomationProfile or ZigbeeEndpointInfo.LightLinkProfile)) continue;
            if (KindOf(endpoint, node.IasZoneType) is { } kind) mapped.Add((endpoint, kind));
        }
        return [.. mapped.Select(m => Define(node, m.Endpoint, m.Kind, mapped.Count > 1))];
    }

    private static string? KindOf(ZigbeeEndpointInfo endpoint, ushort? zoneType)
    {
        if (endpoint.Serves(WindowCoveringCluster.Id)) return ZigbeeControllableNames.WindowCovering;
        if (endpoint.Serves(ThermostatCluster.Id)) return ZigbeeControllableNames.Thermostat;
        if (endpoint.Serves(OnOffCluster.Id))
        {
            if (endpoint.Serves(ColorControlCluster.Id))
                return ColorTemperatureLights.Contains(endpoint.DeviceId) ? ZigbeeControllableNames.ColorTemperatureLight : ZigbeeControllableNames.ColorLight;
            if (endpoint.Serves(LevelControlCluster.Id)) return ZigbeeControllableNames.DimmerLight;
            if (IsOnOffLight(endpoint)) return ZigbeeControllableNames.OnOffLight;
            return endpoint.Serves(MeteringCluster.Id) || endpoint.Serves(ElectricalMeasurementCluster.Id)
                ? ZigbeeControllableNames.OnOffMeteringPlug
                : ZigbeeControllableNames.OnOffPlug;
        }
        if (endpoint.Serves(IasZoneCluster.Id) && zoneType is { } type)
        {
            var kind = type switch
            {
                IasZoneType.MotionSensor => ZigbeeControllableNames.OccupancySensor,
                IasZoneType.ContactSwitch or IasZoneType.DoorWindowHandle => ZigbeeControllableNames.ContactSensor,
                IasZoneType.FireSensor => ZigbeeControllableNames.SmokeSensor,
                IasZoneType.WaterSensor => ZigbeeControllableNames.WaterDetectionSensor,
                _ => null,
            };
            if (kind is not null) return kind;
        }
        if (endpoint.Serves(OccupancySensingCluster.Id)) return ZigbeeControllableNames.OccupancySensor;
        if (endpoint.Serves(TemperatureMeasurementCluster.Id))
            return endpoint.Serves(RelativeHumidityCluster.Id) ? ZigbeeControllableNames.TemperatureHumiditySensor : ZigbeeControllableNames.TemperatureSensor;
        if (endpoint.Serves(RelativeHumidityCluster.Id)) return ZigbeeControllableNames.HumiditySensor;
        if (endpoint.Serves(IlluminanceMeasurementCluster.Id)) return ZigbeeControllableNames.LightSensor;
        if (endpoint.Serves(ElectricalMeasurementCluster.Id) || endpoint.Serves(MeteringCluster.Id)) return ZigbeeControllableNames.ElectricityMeter;
        return null;
    }

    private static bool IsOnOffLight(ZigbeeEndpointInfo endpoint) =>
        endpoint.ProfileId == ZigbeeEndpointInfo.LightLinkProfile
            ? LightLinkOnOffLights.Contains(endpoint.DeviceId)
            : HaOnOffLights.Contains(endpoint.DeviceId);

    private static ZigbeeDeviceDefinition Define(ZigbeeNodeInfo node, ZigbeeEndpointInfo endpoint, string kind, bool severalDevices)
    {
        var reporting = new List<ClusterReporting>();
        void Report(ushort cluster, ushort attribute, ZclDataType type, ushort min, ushort max, ZclValue? change = null)
        {
            if (endpoint.Serves(cluster)) reporting.Add(new ClusterReporting(cluster, new ReportingConfiguration(attribute, type, min, max, change)));
        }

        switch (kind)
        {
            case ZigbeeControllableNames.OnOffLight or ZigbeeControllableNames.OnOffPlug or ZigbeeControllableNames.OnOffMeteringPlug
                or ZigbeeControllableNames.DimmerLight or ZigbeeControllableNames.ColorTemperatureLight or ZigbeeControllableNames.ColorLight:
                Report(OnOffCluster.Id, OnOffCluster.OnOffAttribute, ZclDataType.Bool, 0, ActuatorMax);
                if (kind is ZigbeeControllableNames.DimmerLight or ZigbeeControllableNames.ColorTemperatureLight or ZigbeeControllableNames.ColorLight)
                    Report(LevelControlCluster.Id, LevelControlCluster.CurrentLevel, ZclDataType.UInt8, 1, ActuatorMax, ZclValue.UInt8(1));
                if (kind is ZigbeeControllableNames.ColorTemperatureLight or ZigbeeControllableNames.ColorLight)
                    Report(ColorControlCluster.Id, ColorControlCluster.ColorTemperatureMireds, ZclDataType.UInt16, 1, ActuatorMax, ZclValue.UInt16(1));
                if (kind is ZigbeeControllableNames.ColorLight)
                {
                    Report(ColorControlCluster.Id, ColorControlCluster.CurrentHue, ZclDataType.UInt8, 1, ActuatorMax, ZclValue.UInt8(1));
                    Report(ColorControlCluster.Id, ColorControlCluster.CurrentSaturation, ZclDataType.UInt8, 1, ActuatorMax, ZclValue.UInt8(1));
                }
                if (kind is ZigbeeControllableNames.OnOffMeteringPlug) ReportPower();
                break;
            case ZigbeeControllableNames.WindowCovering:
                Report(WindowCoveringCluster.Id, WindowCoveringCluster.CurrentPositionLiftPercentage, ZclDataType.UInt8, 1, ActuatorMax, ZclValue.UInt8(1));
                break;
            case ZigbeeControllableNames.Thermostat:
                Report(ThermostatCluster.Id, ThermostatCluster.LocalTemperature, ZclDataType.Int16, 10, ActuatorMax, ZclValue.Int16(10));
                Report(ThermostatCluster.Id, ThermostatCluster.OccupiedHeatingSetpoint, ZclDataType.Int16, 1, ActuatorMax, ZclValue.Int16(10));
                Report(ThermostatCluster.Id, ThermostatCluster.SystemMode, ZclDataType.Enum8, 1, ActuatorMax);
                break;
            case ZigbeeControllableNames.ElectricityMeter:
                ReportPower();
                break;
            default:
                Report(TemperatureMeasurementCluster.Id, TemperatureMeasurementCluster.MeasuredValue, ZclDataType.Int16, 10, SensorMax, ZclValue.Int16(10));
                Report(RelativeHumidityCluster.Id, RelativeHumidityCluster.MeasuredValue, ZclDataType.UInt16, 10, SensorMax, ZclValue.UInt16(100));
                Report(IlluminanceMeasurementCluster.Id, IlluminanceMeasurementCluster.MeasuredValue, ZclDataType.UInt16, 10, SensorMax, ZclValue.UInt16(500));
                if (kind is ZigbeeControllableNames.OccupancySensor)
                    Report(OccupancySensingCluster.Id, OccupancySensingCluster.Occupancy, ZclDataType.Map8, 0, SensorMax);
                // IAS zones notify by command, not by report; their zone status attribute is read on refresh.
                break;
        }
        if (node.PowerSource != ZigbeePowerSource.Mains)
            Report(PowerConfigurationCluster.Id, PowerConfigurationCluster.BatteryPercentageRemaining, ZclDataType.UInt8, BatteryMin, BatteryMax, ZclValue.UInt8(2));

        var bind = reporting.Select(r => r.ClusterId).Distinct().ToList();
        if (endpoint.Serves(IasZoneCluster.Id) && kind is ZigbeeControllableNames.OccupancySensor or ZigbeeControllableNames.ContactSensor
                or ZigbeeControllableNames.SmokeSensor or ZigbeeControllableNames.WaterDetectionSensor)
            bind.Add(IasZoneCluster.Id);
        return new ZigbeeDeviceDefinition(endpoint.Endpoint, kind, Label(node, kind, endpoint.Endpoint, severalDevices), bind, reporting);

        void ReportPower()
        {
            Report(ElectricalMeasurementCluster.Id, ElectricalMeasurementCluster.ActivePower, ZclDataType.Int16, 5, ActuatorMax, ZclValue.Int16(5));
            Report(MeteringCluster.Id, MeteringCluster.CurrentSummationDelivered, ZclDataType.UInt48, 10, ActuatorMax, ZclValue.UInt48(1));
        }
    }

    private static string Label(ZigbeeNodeInfo node, string kind, byte endpoint, bool severalDevices)
    {
        var name = string.Join(' ', new[] { node.Manufacturer, node.Model }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        if (name.Length == 0) name = $"Zigbee {kind["zigbee:".Length..].Replace("Component", "")} {node.Ieee:X16}";
        return severalDevices ? $"{name} ({endpoint})" : name;
    }
}
