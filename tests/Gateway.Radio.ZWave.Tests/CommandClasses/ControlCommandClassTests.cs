using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Tests.CommandClasses;

/// <summary>Encode and decode of the thermostat, configuration, scene, supervision, association, wake-up, multi channel and meter commands, byte for byte.</summary>
public class ControlCommandClassTests
{
    private static CommandClassReport? Decode(string hex) => CommandClassDecoder.Decode(Hex.Bytes(hex));

    [Fact]
    public void Thermostat_setpoint_set_carries_the_type_then_precision_scale_size_and_value()
    {
        Assert.Equal(Hex.Bytes("43 01 01 22 00 D7"), ThermostatSetpointCommandClass.Set(ThermostatSetpointCommandClass.Heating, 21.5));
        Assert.Equal(Hex.Bytes("43 02 01"), ThermostatSetpointCommandClass.Get(ThermostatSetpointCommandClass.Heating));
    }

    [Theory]
    [InlineData("43 03 01 22 00 D7", ThermostatSetpointCommandClass.Heating, 0, 21.5)]
    [InlineData("43 03 02 09 4B", ThermostatSetpointCommandClass.Cooling, 1, 75)]
    [InlineData("43 03 F1 44 00 00 08 98", ThermostatSetpointCommandClass.Heating, 0, 22.00)]
    public void Thermostat_setpoint_report_reads_type_scale_and_value(string hex, byte type, byte scale, double value)
    {
        var report = Assert.IsType<ThermostatSetpointReport>(Decode(hex));
        Assert.Equal((type, scale), (report.SetpointType, report.Scale));
        Assert.Equal(value, report.Value, 3);
    }

    [Fact]
    public void A_setpoint_in_fahrenheit_reads_as_celsius()
    {
        Assert.Equal(22.22, Gateway.Radio.ZWave.Devices.ZWaveCommandTranslator.Celsius(new ThermostatSetpointReport(1, ThermostatSetpointCommandClass.Fahrenheit, 72)), 2);
    }

    [Theory]
    [InlineData("40 03 00", "off")]
    [InlineData("40 03 01", "heat")]
    [InlineData("40 03 E2", "cool")]
    [InlineData("40 03 03", "auto")]
    [InlineData("40 03 0B", "eco")]
    public void Thermostat_mode_report_reads_the_five_mode_bits(string hex, string name)
    {
        var report = Assert.IsType<ThermostatModeReport>(Decode(hex));
        Assert.Equal(name, ThermostatModeCommandClass.NameOf(report.Mode));
        Assert.Equal(Hex.Bytes($"40 01 {report.Mode:X2}"), ThermostatModeCommandClass.Set(ThermostatModeCommandClass.ModeOf(name)!.Value));
    }

    [Theory]
    [InlineData(5, 1, 10L, "70 04 05 01 0A")]
    [InlineData(5, 2, 300L, "70 04 05 02 01 2C")]
    [InlineData(12, 4, -2L, "70 04 0C 04 FF FF FF FE")]
    [InlineData(3, 1, -1L, "70 04 03 01 FF")]
    public void Configuration_set_writes_size_and_a_signed_big_endian_value(byte parameter, int size, long value, string hex)
    {
        Assert.Equal(Hex.Bytes(hex), ConfigurationCommandClass.Set(parameter, size, value));
    }

    [Fact]
    public void Configuration_set_refuses_a_value_that_does_not_fit_its_size()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigurationCommandClass.Set(1, 1, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfigurationCommandClass.Set(1, 3, 1));
        Assert.Equal(Hex.Bytes("70 04 07 81 00"), ConfigurationCommandClass.SetDefault(7));
    }

    [Theory]
    [InlineData("70 06 05 02 01 2C", 5, 2, 300L)]
    [InlineData("70 06 0A 01 FF", 10, 1, -1L)]
    [InlineData("70 06 0C 04 00 01 00 00", 12, 4, 65536L)]
    public void Configuration_report_reads_parameter_size_and_value(string hex, byte parameter, int size, long value)
    {
        Assert.Equal(new ConfigurationReport(parameter, size, value), Decode(hex));
    }

    [Theory]
    [InlineData("70 06 05 03 00 00 00")]
    [InlineData("70 06 05 02 01")]
    [InlineData("70 06 05")]
    public void Configuration_reports_with_a_bad_size_or_too_short_are_not_read(string hex)
    {
        Assert.Null(Decode(hex));
    }

    [Theory]
    [InlineData("5B 03 07 00 01", 7, CentralSceneCommandClass.KeyPressed, 1, false, "pressed")]
    [InlineData("5B 03 08 82 02", 8, CentralSceneCommandClass.KeyHeldDown, 2, true, "held")]
    [InlineData("5B 03 09 01 02", 9, CentralSceneCommandClass.KeyReleased, 2, false, "released")]
    [InlineData("5B 03 0A 03 04", 10, CentralSceneCommandClass.KeyPressed2x, 4, false, "pressed2x")]
    public void Central_scene_notification_reads_sequence_key_attribute_and_scene(string hex, byte sequence, byte key, byte scene, bool slow, string name)
    {
        Assert.Equal(new CentralSceneNotification(sequence, key, scene, slow), Decode(hex));
        Assert.Equal(name, CentralSceneCommandClass.NameOf(key));
        Assert.Equal(Hex.Bytes(hex), CentralSceneCommandClass.Notification(sequence, key, scene, slow));
    }

    [Fact]
    public void Supervision_get_wraps_a_command_with_its_session_and_length()
    {
        var get = SupervisionCommandClass.Get(5, SwitchBinaryCommandClass.Set(true), statusUpdates: true);
        Assert.Equal(Hex.Bytes("6C 01 85 03 25 01 FF"), get);
        var parsed = SupervisionCommandClass.ParseGet(get)!.Value;
        Assert.Equal((byte)5, parsed.SessionId);
        Assert.True(parsed.StatusUpdates);
        Assert.Equal(Hex.Bytes("25 01 FF"), parsed.Command);
        Assert.Null(SupervisionCommandClass.ParseGet(Hex.Bytes("6C 01 05 09 25 01")));
    }

    [Theory]
    [InlineData("6C 02 05 FF 00", 5, false, SupervisionCommandClass.Success)]
    [InlineData("6C 02 BF 01 0A", 63, true, SupervisionCommandClass.Working)]
    [InlineData("6C 02 01 02 00", 1, false, SupervisionCommandClass.Fail)]
    [InlineData("6C 02 01 00", 1, false, SupervisionCommandClass.NoSupport)]
    public void Supervision_report_reads_session_more_updates_and_status(string hex, byte session, bool more, byte status)
    {
        var report = Assert.IsType<SupervisionReport>(Decode(hex));
        Assert.Equal((session, more, status), (report.SessionId, report.MoreStatusUpdates, report.Status));
    }

    [Fact]
    public void Association_lifeline_set_and_report()
    {
        Assert.Equal(Hex.Bytes("85 01 01 01"), AssociationCommandClass.Set(AssociationCommandClass.Lifeline, 1));
        Assert.Equal(Hex.Bytes("85 02 01"), AssociationCommandClass.Get(AssociationCommandClass.Lifeline));
        var report = Assert.IsType<AssociationReport>(Decode("85 03 01 05 00 01 0F"));
        Assert.Equal((1, 5), (report.Group, report.MaxNodes));
        Assert.Equal([1, 15], report.NodeIds);
    }

    [Fact]
    public void Wake_up_interval_is_24_bits_big_endian_followed_by_the_node_to_notify()
    {
        Assert.Equal(Hex.Bytes("84 04 00 0E 10 01"), WakeUpCommandClass.IntervalSet(3600, 1));
        Assert.Equal(new WakeUpIntervalReport(86400, 1), Decode("84 06 01 51 80 01"));
        Assert.Equal(Hex.Bytes("84 04 FF FF FF 01"), WakeUpCommandClass.IntervalSet(int.MaxValue, 1));
    }

    [Fact]
    public void Multi_channel_endpoint_and_capability_reports()
    {
        Assert.Equal(new MultiChannelEndPointReport(2, true), Decode("60 08 40 02"));
        var capability = Assert.IsType<MultiChannelCapabilityReport>(Decode("60 0A 02 10 01 25 32 EF 26"));
        Assert.Equal((2, 0x10, 0x01), (capability.Endpoint, capability.Generic, capability.Specific));
        Assert.Equal([0x25, 0x32], capability.CommandClasses);
        Assert.Equal(Hex.Bytes("60 09 02"), MultiChannelCommandClass.CapabilityGet(2));
    }

    [Fact]
    public void Meter_supported_report_tells_whether_the_meter_can_be_reset()
    {
        Assert.Equal(new MeterSupportedReport(true, MeterCommandClass.Electric, 0x05), Decode("32 04 81 05"));
        Assert.Equal(new MeterSupportedReport(false, MeterCommandClass.Electric, 0x01), Decode("32 04 01 01"));
        Assert.Equal(Hex.Bytes("32 05"), MeterCommandClass.Reset());
    }

    [Fact]
    public void Multilevel_switch_level_change_for_covers()
    {
        Assert.Equal(Hex.Bytes("26 04 60 00"), SwitchMultilevelCommandClass.StartLevelChange(down: true));
        Assert.Equal(Hex.Bytes("26 04 20 00"), SwitchMultilevelCommandClass.StartLevelChange(down: false));
        Assert.Equal(Hex.Bytes("26 05"), SwitchMultilevelCommandClass.StopLevelChange());
    }
}
