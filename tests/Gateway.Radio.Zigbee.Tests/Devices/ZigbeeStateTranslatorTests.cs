using Gateway.Core.Model;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Devices;

public class ZigbeeStateTranslatorTests
{
    private static IReadOnlyList<DeviceState> From(ushort cluster, params (ushort Id, ZclValue Value)[] attributes) =>
        ZigbeeStateTranslator.FromAttributes(cluster, attributes);

    private static void AssertStates(IReadOnlyList<DeviceState> actual, params DeviceState[] expected)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Name, actual[i].Name);
            Assert.True(expected[i].ValueEquals(actual[i]), $"{actual[i].Name}: expected {expected[i].Value}, got {actual[i].Value}");
        }
    }

    [Fact]
    public void On_off_becomes_on_or_off()
    {
        AssertStates(From(ZclClusterId.OnOff, (0x0000, ZclValue.Boolean(true))), DeviceState.Of("core:OnOffState", "on"));
        AssertStates(From(ZclClusterId.OnOff, (0x0000, ZclValue.Boolean(false))), DeviceState.Of("core:OnOffState", "off"));
    }

    [Theory]
    [InlineData(254, 100)]
    [InlineData(127, 50)]
    [InlineData(0, 0)]
    public void Level_becomes_intensity(byte level, int intensity)
    {
        AssertStates(From(ZclClusterId.LevelControl, (0x0000, ZclValue.UInt8(level))), DeviceState.Of("core:LightIntensityState", intensity));
    }

    [Fact]
    public void A_level_of_255_is_not_a_level()
    {
        Assert.Empty(From(ZclClusterId.LevelControl, (0x0000, ZclValue.UInt8(255))));
    }

    [Fact]
    public void Colour_attributes_become_kelvin_degrees_and_percent()
    {
        AssertStates(
            From(ZclClusterId.ColorControl, (0x0007, ZclValue.UInt16(250)), (0x0000, ZclValue.UInt8(127)), (0x0001, ZclValue.UInt8(254))),
            DeviceState.Of("core:ColorTemperatureState", 4000), DeviceState.Of("core:ColorHueState", 180), DeviceState.Of("core:ColorSaturationState", 100));
    }

    [Fact]
    public void Lift_percentage_is_closure_in_the_same_sense()
    {
        AssertStates(From(ZclClusterId.WindowCovering, (0x0008, ZclValue.UInt8(100))),
            DeviceState.Of("core:ClosureState", 100), DeviceState.Of("core:OpenClosedState", "closed"));
        AssertStates(From(ZclClusterId.WindowCovering, (0x0008, ZclValue.UInt8(30))),
            DeviceState.Of("core:ClosureState", 30), DeviceState.Of("core:OpenClosedState", "open"));
    }

    [Fact]
    public void Thermostat_attributes_become_temperatures_and_mode()
    {
        AssertStates(
            From(ZclClusterId.Thermostat, (0x0000, ZclValue.Int16(2034)), (0x0012, ZclValue.Int16(2100)), (0x001C, ZclValue.Enum8(4))),
            DeviceState.Of("core:TemperatureState", 20.34), DeviceState.Of("core:TargetTemperatureState", 21.0), DeviceState.Of("core:OperatingModeState", "heat"));
    }

    [Fact]
    public void Measurements_become_sensor_states()
    {
        AssertStates(From(ZclClusterId.TemperatureMeasurement, (0x0000, ZclValue.Int16(-150))), DeviceState.Of("core:TemperatureState", -1.5));
        AssertStates(From(ZclClusterId.RelativeHumidityMeasurement, (0x0000, ZclValue.UInt16(5520))), DeviceState.Of("core:RelativeHumidityState", 55.2));
        AssertStates(From(ZclClusterId.IlluminanceMeasurement, (0x0000, ZclValue.UInt16(20001))), DeviceState.Of("core:LuminanceState", 100.0));
        AssertStates(From(ZclClusterId.OccupancySensing, (0x0000, ZclValue.Map8(1))), DeviceState.Of("core:OccupancyState", "personInside"));
        AssertStates(From(ZclClusterId.PowerConfiguration, (0x0021, ZclValue.UInt8(150))), DeviceState.Of("core:BatteryLevelState", 75));
    }

    [Fact]
    public void Invalid_readings_give_no_state()
    {
        Assert.Empty(From(ZclClusterId.TemperatureMeasurement, (0x0000, ZclValue.Int16(short.MinValue))));
        Assert.Empty(From(ZclClusterId.PowerConfiguration, (0x0021, ZclValue.UInt8(0xFF))));
        Assert.Empty(From(ZclClusterId.TemperatureMeasurement, (0x0000, ZclValue.CharString("20"))));
        Assert.Empty(From(ZclClusterId.Basic, (0x0000, ZclValue.UInt8(3))));
    }

    [Fact]
    public void Power_and_energy_are_scaled()
    {
        AssertStates(
            From(ZclClusterId.ElectricalMeasurement, (0x050B, ZclValue.Int16(1234)), (0x0604, ZclValue.UInt16(1)), (0x0605, ZclValue.UInt16(10))),
            DeviceState.Of("core:ElectricPowerConsumptionState", 123.4));
        // Without a known divisor the summation counts Wh.
        AssertStates(From(ZclClusterId.Metering, (0x0000, ZclValue.UInt48(5321))), DeviceState.Of("core:ElectricEnergyConsumptionState", 5321.0));
        AssertStates(
            From(ZclClusterId.Metering, (0x0000, ZclValue.UInt48(5321)), (0x0301, ZclValue.UInt24(1)), (0x0302, ZclValue.UInt24(100))),
            DeviceState.Of("core:ElectricEnergyConsumptionState", 53210.0));
    }

    [Theory]
    [InlineData(IasZoneType.MotionSensor, 0x0001, "core:OccupancyState", "personInside")]
    [InlineData(IasZoneType.MotionSensor, 0x0008, "core:OccupancyState", "noPersonInside")]
    [InlineData(IasZoneType.ContactSwitch, 0x0001, "core:ContactState", "open")]
    [InlineData(IasZoneType.ContactSwitch, 0x0000, "core:ContactState", "closed")]
    [InlineData(IasZoneType.FireSensor, 0x0001, "core:SmokeState", "detected")]
    [InlineData(IasZoneType.WaterSensor, 0x0000, "core:WaterDetectionState", "notDetected")]
    public void Zone_status_alarm_one_is_the_sensed_condition(ushort zoneType, ushort zoneStatus, string state, string value)
    {
        AssertStates(ZigbeeStateTranslator.FromZoneStatus(zoneType, zoneStatus), DeviceState.Of(state, value));
    }

    [Fact]
    public void A_zone_status_attribute_read_with_its_zone_type_becomes_a_state()
    {
        AssertStates(From(ZclClusterId.IasZone, (0x0001, ZclValue.Enum16(IasZoneType.ContactSwitch)), (0x0002, ZclValue.Map16(1))),
            DeviceState.Of("core:ContactState", "open"));
    }

    [Fact]
    public void Link_quality_becomes_the_signal_states()
    {
        AssertStates(ZigbeeStateTranslator.FromLinkQuality(255), DeviceState.Of("core:RSSILevelState", 100), DeviceState.Of("core:DiscreteRSSILevelState", "good"));
        AssertStates(ZigbeeStateTranslator.FromLinkQuality(51), DeviceState.Of("core:RSSILevelState", 20), DeviceState.Of("core:DiscreteRSSILevelState", "verylow"));
    }
}
