using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Simulator.Devices;

/// <summary>A battery temperature and humidity sensor on endpoint 1 (HA device 0x0302).</summary>
public sealed class SimulatedThermometer : SimulatedZigbeeDevice
{
    public const byte Endpoint = 1;

    public SimulatedThermometer(ulong ieee, ushort networkAddress, string manufacturer = "LUMI", string model = "lumi.weather")
        : base(ieee, networkAddress, manufacturer, model, ZigbeePowerSource.Battery)
    {
        AddEndpoint(Endpoint, 0x0302, [ZclClusterId.PowerConfiguration, ZclClusterId.TemperatureMeasurement, ZclClusterId.RelativeHumidityMeasurement], []);
        Define(Endpoint, PowerConfigurationCluster.Id, PowerConfigurationCluster.BatteryPercentageRemaining, ZclValue.UInt8(200));
        Define(Endpoint, TemperatureMeasurementCluster.Id, TemperatureMeasurementCluster.MeasuredValue, ZclValue.Int16(2000));
        Define(Endpoint, TemperatureMeasurementCluster.Id, TemperatureMeasurementCluster.MinMeasuredValue, ZclValue.Int16(-4000));
        Define(Endpoint, TemperatureMeasurementCluster.Id, TemperatureMeasurementCluster.MaxMeasuredValue, ZclValue.Int16(12500));
        Define(Endpoint, RelativeHumidityCluster.Id, RelativeHumidityCluster.MeasuredValue, ZclValue.UInt16(5000));
    }

    public void SetTemperature(double celsius)
    {
        Set(Endpoint, TemperatureMeasurementCluster.Id, TemperatureMeasurementCluster.MeasuredValue, ZclValue.Int16(ZclTemperature.ToCentidegrees(celsius)));
        Flush();
    }

    public void SetHumidity(double percent)
    {
        Set(Endpoint, RelativeHumidityCluster.Id, RelativeHumidityCluster.MeasuredValue, ZclValue.UInt16((ushort)Math.Round(Math.Clamp(percent, 0, 100) * 100)));
        Flush();
    }

    public void SetBattery(int percent)
    {
        Set(Endpoint, PowerConfigurationCluster.Id, PowerConfigurationCluster.BatteryPercentageRemaining, ZclValue.UInt8(PowerConfigurationCluster.HalfPercent(percent)));
        Flush();
    }

    protected override ZclStatus? OnClusterCommand(byte endpoint, ushort cluster, ZclFrame frame) => null;
}
