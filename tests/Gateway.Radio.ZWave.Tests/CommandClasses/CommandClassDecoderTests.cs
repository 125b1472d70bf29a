using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Tests.CommandClasses;

public class CommandClassDecoderTests
{
    private static CommandClassReport? Decode(string hex) => CommandClassDecoder.Decode(Hex.Bytes(hex));

    [Theory]
    [InlineData("25 03 FF", true)]
    [InlineData("25 03 00", false)]
    [InlineData("25 03 FE", null)]
    [InlineData("25 03 00 FF 05", false)]
    public void Binary_switch_report_reads_on_off_and_unknown(string hex, bool? on)
    {
        Assert.Equal(new SwitchBinaryReport(on), Decode(hex));
    }

    [Theory]
    [InlineData("26 03 00", (byte)0)]
    [InlineData("26 03 32", (byte)50)]
    [InlineData("26 03 63", (byte)99)]
    [InlineData("26 03 FF", (byte)255)]
    [InlineData("26 03 FE", null)]
    [InlineData("26 03 64", null)]
    public void Multilevel_switch_report_reads_the_level_and_refuses_reserved_values(string hex, byte? level)
    {
        Assert.Equal(new LevelReport(CommandClassId.SwitchMultilevel, level), Decode(hex));
    }

    [Theory]
    [InlineData("31 05 01 22 00 D7", SensorMultilevelCommandClass.AirTemperature, 0, 21.5)]
    [InlineData("31 05 01 2A 02 E4", SensorMultilevelCommandClass.AirTemperature, 1, 74.0)]
    [InlineData("31 05 01 21 F6", SensorMultilevelCommandClass.AirTemperature, 0, -1.0)]
    [InlineData("31 05 05 01 2D", SensorMultilevelCommandClass.Humidity, 0, 45)]
    [InlineData("31 05 03 0A 01 F4", SensorMultilevelCommandClass.Illuminance, 1, 500)]
    [InlineData("31 05 04 44 00 00 30 39", SensorMultilevelCommandClass.Power, 0, 123.45)]
    public void Multilevel_sensor_report_applies_size_scale_and_precision(string hex, byte type, byte scale, double value)
    {
        var reading = Assert.IsType<SensorReading>(Decode(hex));
        Assert.Equal(type, reading.SensorType);
        Assert.Equal(scale, reading.Scale);
        Assert.Equal(value, reading.Value, 6);
    }

    [Theory]
    [InlineData("31 05 01 23 00 D7")]
    [InlineData("31 05 01 24 00 D7")]
    [InlineData("31 05 01")]
    public void Multilevel_sensor_report_with_a_bad_size_or_no_value_is_nothing(string hex)
    {
        Assert.Null(Decode(hex));
    }

    [Fact]
    public void Meter_report_reads_an_electric_power_value()
    {
        var meter = Assert.IsType<MeterReading>(Decode("32 02 21 34 00 00 03 E8 00 00"));
        Assert.Equal(MeterCommandClass.Electric, meter.MeterType);
        Assert.Equal(MeterCommandClass.Watts, meter.Scale);
        Assert.Equal(100.0, meter.Value, 6);
    }

    [Fact]
    public void Meter_report_reads_energy_in_kWh()
    {
        var meter = Assert.IsType<MeterReading>(Decode("32 02 21 64 00 00 30 39"));
        Assert.Equal(MeterCommandClass.KilowattHours, meter.Scale);
        Assert.Equal(12.345, meter.Value, 6);
    }

    [Theory]
    [InlineData("71 05 00 00 00 FF 06 16 00", NotificationCommandClass.AccessControl, NotificationCommandClass.WindowDoorOpen)]
    [InlineData("71 05 00 00 00 FF 06 17 00", NotificationCommandClass.AccessControl, NotificationCommandClass.WindowDoorClosed)]
    [InlineData("71 05 00 00 00 FF 07 08 00", NotificationCommandClass.HomeSecurity, NotificationCommandClass.MotionDetectedUnknownLocation)]
    [InlineData("71 05 00 00 00 FF 01 02 00", NotificationCommandClass.Smoke, NotificationCommandClass.SmokeDetectedUnknownLocation)]
    [InlineData("71 05 00 00 00 FF 05 02 00", NotificationCommandClass.Water, NotificationCommandClass.LeakDetectedUnknownLocation)]
    public void Notification_report_reads_type_and_event(string hex, byte type, byte notificationEvent)
    {
        var report = Assert.IsType<NotificationReport>(Decode(hex));
        Assert.Equal(type, report.NotificationType);
        Assert.Equal(notificationEvent, report.Event);
    }

    [Fact]
    public void Notification_idle_report_carries_the_event_it_ends()
    {
        var report = Assert.IsType<NotificationReport>(Decode("71 05 00 00 00 FF 07 00 01 08"));
        Assert.Equal(NotificationCommandClass.Idle, report.Event);
        Assert.Equal([NotificationCommandClass.MotionDetectedUnknownLocation], report.Parameters);
    }

    [Fact]
    public void Notification_supported_report_lists_the_types_of_its_bitmask()
    {
        var report = Assert.IsType<NotificationSupportedReport>(Decode("71 08 01 E2"));
        Assert.Equal([NotificationCommandClass.Smoke, NotificationCommandClass.Water, NotificationCommandClass.AccessControl, NotificationCommandClass.HomeSecurity], report.NotificationTypes);
        Assert.Equal(Hex.Bytes("71 08 01 E2"), NotificationCommandClass.SupportedReport(1, 5, 6, 7));
    }

    [Theory]
    [InlineData("80 03 64", 100, false)]
    [InlineData("80 03 2A", 42, false)]
    [InlineData("80 03 FF", 0, true)]
    public void Battery_report_reads_the_level_and_the_low_battery_warning(string hex, int level, bool low)
    {
        Assert.Equal(new BatteryReport(level, low), Decode(hex));
    }

    [Fact]
    public void Manufacturer_and_version_reports_read_their_ids()
    {
        Assert.Equal(new ManufacturerReport(0x0086, 0x0003, 0x0062), Decode("72 05 00 86 00 03 00 62"));
        Assert.Equal(new VersionReport(3, "7.18", "1.02"), Decode("86 12 03 07 12 01 02"));
    }

    [Theory]
    [InlineData(21.5, 0, 1, "01 22 00 D7")]
    [InlineData(-1, 0, 0, "01 01 FF")]
    [InlineData(123.45, 0, 2, "01 42 30 39")]
    [InlineData(100000, 0, 0, "01 04 00 01 86 A0")]
    public void Sensor_values_encode_in_the_smallest_size(double value, byte scale, int precision, string expected)
    {
        Assert.Equal(Hex.Bytes("31 05 " + expected), SensorMultilevelCommandClass.Report(0x01, value, scale, precision));
    }

    [Fact]
    public void Set_commands_encode_as_the_specification_shows()
    {
        Assert.Equal(Hex.Bytes("25 01 FF"), SwitchBinaryCommandClass.Set(true));
        Assert.Equal(Hex.Bytes("26 01 32"), SwitchMultilevelCommandClass.Set(50));
        Assert.Equal(Hex.Bytes("26 04 60 00"), SwitchMultilevelCommandClass.StartLevelChange(down: true));
        Assert.Equal(Hex.Bytes("26 04 20 00"), SwitchMultilevelCommandClass.StartLevelChange(down: false));
        Assert.Equal(Hex.Bytes("26 05"), SwitchMultilevelCommandClass.StopLevelChange());
        Assert.Equal(Hex.Bytes("32 01 10"), MeterCommandClass.Get(MeterCommandClass.Watts));
        Assert.Equal(Hex.Bytes("20 01 00"), BasicCommandClass.Set(0));
    }
}
