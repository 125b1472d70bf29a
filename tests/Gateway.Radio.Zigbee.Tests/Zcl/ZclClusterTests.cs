using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Zcl;

/// <summary>Cluster command payloads laid out as the ZCL specification's command sections describe them.</summary>
public class ZclClusterTests
{
    [Fact]
    public void On_off_and_toggle_are_empty_cluster_commands()
    {
        // §3.8.2.3: commands 0x00, 0x01, 0x02 without payload; frame control 0x01 (cluster specific, client to server).
        Assert.Equal(Hex.Bytes("01 0A 01"), ZclCodec.Encode(OnOffCluster.On(0x0A)));
        Assert.Equal(Hex.Bytes("01 0B 00"), ZclCodec.Encode(OnOffCluster.Off(0x0B)));
        Assert.Equal(Hex.Bytes("01 0C 02"), ZclCodec.Encode(OnOffCluster.Toggle(0x0C)));
    }

    [Fact]
    public void Move_to_level_with_on_off_carries_level_and_transition_time()
    {
        // §3.10.2.4.1: level uint8, transition time uint16 in tenths of a second.
        var frame = LevelControlCluster.MoveToLevelWithOnOff(0x20, 127, 10);
        Assert.Equal(Hex.Bytes("01 20 04 7F 0A 00"), ZclCodec.Encode(frame));
        Assert.True(LevelControlCluster.TryParseMoveToLevel(frame, out var level, out var transition, out var withOnOff));
        Assert.Equal((127, 10, true), (level, transition, withOnOff));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(50, 127)]
    [InlineData(100, 254)]
    public void Percent_and_level_convert_both_ways(int percent, byte level)
    {
        Assert.Equal(level, LevelControlCluster.LevelFromPercent(percent));
        Assert.Equal(percent, LevelControlCluster.PercentFromLevel(level));
    }

    [Fact]
    public void Move_to_colour_temperature_carries_mireds()
    {
        // §5.2.2.3.10: colour temperature uint16 mireds, transition time uint16.
        var frame = ColorControlCluster.MoveToColorTemperature(1, ColorControlCluster.MiredsFromKelvin(2700));
        Assert.Equal(Hex.Bytes("01 01 0A 72 01 00 00"), ZclCodec.Encode(frame)); // 370 mireds
        Assert.True(ColorControlCluster.TryParseMoveToColorTemperature(frame, out var mireds, out _));
        Assert.Equal(2703, ColorControlCluster.KelvinFromMireds(mireds));
    }

    [Fact]
    public void Move_to_hue_and_saturation_scales_degrees_and_percent()
    {
        // §5.2.2.3.7: hue uint8, saturation uint8, transition time uint16.
        var frame = ColorControlCluster.MoveToHueAndSaturation(2, ColorControlCluster.HueFromDegrees(180), ColorControlCluster.SaturationFromPercent(100));
        Assert.Equal(Hex.Bytes("01 02 06 7F FE 00 00"), ZclCodec.Encode(frame));
        Assert.True(ColorControlCluster.TryParseMoveToHueAndSaturation(frame, out var hue, out var saturation, out _));
        Assert.Equal(180, ColorControlCluster.DegreesFromHue(hue));
        Assert.Equal(100, ColorControlCluster.PercentFromSaturation(saturation));
    }

    [Fact]
    public void Move_to_colour_carries_cie_xy()
    {
        // §5.2.2.3.8: x and y are uint16 (coordinate · 65536).
        var frame = ColorControlCluster.MoveToColor(3, ColorControlCluster.ChromaticityFromDouble(0.3127), ColorControlCluster.ChromaticityFromDouble(0.329));
        Assert.Equal(Hex.Bytes("01 03 07 0D 50 39 54 00 00"), ZclCodec.Encode(frame));
        Assert.True(ColorControlCluster.TryParseMoveToColor(frame, out var x, out var y, out _));
        Assert.Equal(0.3127, ColorControlCluster.DoubleFromChromaticity(x), 3);
        Assert.Equal(0.329, ColorControlCluster.DoubleFromChromaticity(y), 3);
    }

    [Fact]
    public void Window_covering_commands_and_lift_percentage()
    {
        // §7.4.2.2: up/open 0x00, down/close 0x01, stop 0x02, go to lift percentage 0x05 with a uint8.
        Assert.Equal(Hex.Bytes("01 01 00"), ZclCodec.Encode(WindowCoveringCluster.UpOpen(1)));
        Assert.Equal(Hex.Bytes("01 02 01"), ZclCodec.Encode(WindowCoveringCluster.DownClose(2)));
        Assert.Equal(Hex.Bytes("01 03 02"), ZclCodec.Encode(WindowCoveringCluster.Stop(3)));
        var goTo = WindowCoveringCluster.GoToLiftPercentage(4, 75);
        Assert.Equal(Hex.Bytes("01 04 05 4B"), ZclCodec.Encode(goTo));
        Assert.True(WindowCoveringCluster.TryParseGoToLiftPercentage(goTo, out var percent));
        Assert.Equal(75, percent);
        Assert.False(WindowCoveringCluster.TryParseGoToLiftPercentage(goTo with { Payload = [101] }, out _));
    }

    [Fact]
    public void The_heating_setpoint_is_written_in_centidegrees()
    {
        var frame = ThermostatCluster.WriteOccupiedHeatingSetpoint(9, 21.5);
        Assert.Equal(Hex.Bytes("00 09 02 12 00 29 66 08"), ZclCodec.Encode(frame));
    }

    [Fact]
    public void Identify_carries_its_duration()
    {
        var frame = IdentifyCluster.Identify(5, 10);
        Assert.Equal(Hex.Bytes("01 05 00 0A 00"), ZclCodec.Encode(frame));
        Assert.True(IdentifyCluster.TryParseIdentify(frame, out var seconds));
        Assert.Equal(10, seconds);
    }

    [Fact]
    public void A_zone_status_change_notification_parses_status_and_zone()
    {
        // §8.2.2.4.1: zone status map16, extended status map8, zone id uint8, delay uint16; frame control 0x09.
        Assert.True(ZclCodec.TryDecode(Hex.Bytes("09 42 00 09 00 00 05 04 00"), out var frame));
        Assert.True(ZoneStatusChangeNotification.TryParse(frame, out var notification));
        Assert.Equal(IasZoneStatus.Alarm1 | IasZoneStatus.BatteryLow, notification.ZoneStatus);
        Assert.Equal(5, notification.ZoneId);
        Assert.Equal(4, notification.DelayQuarterSeconds);
        Assert.Equal(Hex.Bytes("09 42 00 09 00 00 05 04 00"), ZclCodec.Encode(notification.ToFrame(0x42)));
    }

    [Fact]
    public void A_short_zone_status_change_notification_from_an_older_device_parses()
    {
        Assert.True(ZclCodec.TryDecode(Hex.Bytes("19 42 00 01 00"), out var frame));
        Assert.True(ZoneStatusChangeNotification.TryParse(frame, out var notification));
        Assert.Equal(IasZoneStatus.Alarm1, notification.ZoneStatus);
    }

    [Fact]
    public void A_zone_enroll_request_is_answered_with_an_enroll_response()
    {
        // §8.2.2.4.2: zone type enum16, manufacturer code uint16; §8.2.2.3.1: response code enum8, zone id uint8.
        Assert.True(ZclCodec.TryDecode(Hex.Bytes("09 10 01 15 00 5F 11"), out var frame));
        Assert.True(ZoneEnrollRequest.TryParse(frame, out var request));
        Assert.Equal(new ZoneEnrollRequest(IasZoneType.ContactSwitch, 0x115F), request);

        var response = IasZoneCluster.ZoneEnrollResponse(0x10, 23);
        Assert.Equal(Hex.Bytes("01 10 00 00 17"), ZclCodec.Encode(response));
        Assert.True(IasZoneCluster.TryParseZoneEnrollResponse(response, out var code, out var zoneId));
        Assert.Equal((IasZoneCluster.EnrollSuccess, (byte)23), (code, zoneId));
    }

    [Fact]
    public void The_cie_address_is_written_as_an_ieee_address()
    {
        var frame = IasZoneCluster.WriteCieAddress(1, 0x00124B0012345678);
        Assert.Equal(Hex.Bytes("00 01 02 10 00 F0 78 56 34 12 00 4B 12 00"), ZclCodec.Encode(frame));
    }

    [Theory]
    [InlineData(200, 100)]
    [InlineData(199, 100)]
    [InlineData(101, 51)]
    [InlineData(0, 0)]
    public void Battery_half_percent_becomes_percent(int raw, int percent)
    {
        Assert.Equal(percent, PowerConfigurationCluster.BatteryPercent(raw));
    }

    [Fact]
    public void An_invalid_battery_percentage_is_no_value()
    {
        Assert.Null(PowerConfigurationCluster.BatteryPercent(0xFF));
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 1.0)]
    [InlineData(10001, 10.0)]
    [InlineData(40001, 10000.0)]
    public void Illuminance_measured_value_is_logarithmic(int measured, double lux)
    {
        Assert.Equal(lux, IlluminanceMeasurementCluster.ToLux(measured)!.Value, 6);
        if (lux > 0) Assert.Equal(measured, IlluminanceMeasurementCluster.FromLux(lux));
    }

    [Fact]
    public void Invalid_measurements_are_no_value()
    {
        Assert.Null(IlluminanceMeasurementCluster.ToLux(0xFFFF));
        Assert.Null(ZclTemperature.ToCelsius(ZclTemperature.Invalid));
        Assert.Null(RelativeHumidityCluster.ToPercent(0xFFFF));
        Assert.Equal(-5.25, ZclTemperature.ToCelsius(-525));
        Assert.Equal(45.5, RelativeHumidityCluster.ToPercent(4550));
    }

    [Fact]
    public void Electrical_values_scale_by_multiplier_and_divisor()
    {
        Assert.Equal(123.4, ElectricalMeasurementCluster.Scale(1234, 1, 10));
        Assert.Equal(50.0, ElectricalMeasurementCluster.Scale(50, 0, 0));
    }

    [Fact]
    public void Occupancy_is_bit_zero()
    {
        Assert.True(OccupancySensingCluster.IsOccupied(0x01));
        Assert.False(OccupancySensingCluster.IsOccupied(0x02));
    }
}
