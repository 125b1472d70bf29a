using Gateway.Core.Model;
using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Nodes;
using static Gateway.Radio.ZWave.Devices.ZWaveControllableNames;

namespace Gateway.Radio.ZWave.Tests.Devices;

public class ZWaveTranslatorTests
{
    private static string? State(string kind, CommandClassReport report, string name) =>
        ZWaveStateTranslator.FromReport(kind, report).SingleOrDefault(s => s.Name == name)?.Value.ToString();

    [Fact]
    public void A_shutter_level_becomes_closure_the_other_way_round()
    {
        Assert.Equal("100", State(RollerShutter, new LevelReport(CommandClassId.SwitchMultilevel, 0), CoreStateNames.Closure));
        Assert.Equal("closed", State(RollerShutter, new LevelReport(CommandClassId.SwitchMultilevel, 0), CoreStateNames.OpenClosed));
        Assert.Equal("0", State(RollerShutter, new LevelReport(CommandClassId.SwitchMultilevel, 99), CoreStateNames.Closure));
        Assert.Equal("open", State(RollerShutter, new LevelReport(CommandClassId.SwitchMultilevel, 50), CoreStateNames.OpenClosed));
    }

    [Fact]
    public void A_dimmer_level_becomes_intensity_and_on_off()
    {
        Assert.Equal("51", State(DimmerLight, new LevelReport(CommandClassId.SwitchMultilevel, 50), CoreStateNames.LightIntensity));
        Assert.Equal("100", State(DimmerLight, new LevelReport(CommandClassId.SwitchMultilevel, 0xFF), CoreStateNames.LightIntensity));
        Assert.Equal("off", State(DimmerLight, new LevelReport(CommandClassId.SwitchMultilevel, 0), CoreStateNames.OnOff));
        Assert.Empty(ZWaveStateTranslator.FromReport(DimmerLight, new LevelReport(CommandClassId.SwitchMultilevel, null)));
    }

    [Fact]
    public void Sensor_meter_and_notification_reports_become_overkiz_states()
    {
        Assert.Equal("21.5", State(MultiSensor, new SensorReading(SensorMultilevelCommandClass.AirTemperature, 0, 21.5), CoreStateNames.Temperature));
        Assert.Equal("20", State(MultiSensor, new SensorReading(SensorMultilevelCommandClass.AirTemperature, 1, 68), CoreStateNames.Temperature));
        Assert.Equal("1500", State(OnOffSwitch, new MeterReading(MeterCommandClass.Electric, MeterCommandClass.KilowattHours, 1.5), CoreStateNames.ElectricEnergyConsumption));
        Assert.Equal("12.5", State(OnOffSwitch, new MeterReading(MeterCommandClass.Electric, MeterCommandClass.Watts, 12.5), CoreStateNames.ElectricPowerConsumption));
        Assert.Equal("\"open\"", JsonSerializer.Serialize(ZWaveStateTranslator.FromReport(ContactSensor,
            new NotificationReport(NotificationCommandClass.AccessControl, NotificationCommandClass.WindowDoorOpen, [])).Single().Value));
        Assert.Equal("noPersonInside", State(MultiSensor, new NotificationReport(NotificationCommandClass.HomeSecurity, 0, [NotificationCommandClass.MotionDetected]), CoreStateNames.Occupancy));
        Assert.Empty(ZWaveStateTranslator.FromReport(MultiSensor, new NotificationReport(NotificationCommandClass.HomeSecurity, 0, [NotificationCommandClass.Tampering])));
        Assert.Equal("detected", State(SmokeSensor, new NotificationReport(NotificationCommandClass.Smoke, 2, []), CoreStateNames.Smoke));
        Assert.Equal("notDetected", State(WaterDetectionSensor, new NotificationReport(NotificationCommandClass.Water, 0, []), CoreStateNames.WaterDetection));
        Assert.Equal("0", State(ContactSensor, new BatteryReport(0, true), CoreStateNames.BatteryLevel));
    }

    [Fact]
    public void Commands_become_sets_confirmed_by_the_target_level()
    {
        var plan = ZWaveCommandTranslator.Translate(RollerShutter, new RadioCommand("4", "setClosure", [JsonDocument.Parse("30").RootElement]));
        Assert.Equal(SwitchMultilevelCommandClass.Set(69), plan.Send.Single());
        Assert.Equal(SwitchMultilevelCommandClass.Get(), plan.Confirm);
        Assert.False(plan.Reached(new LevelReport(CommandClassId.SwitchMultilevel, 20)));
        Assert.True(plan.Reached(new LevelReport(CommandClassId.SwitchMultilevel, 69)));
        var open = ZWaveCommandTranslator.Translate(RollerShutter, new RadioCommand("4", "open", []));
        Assert.True(open.Reached(new LevelReport(CommandClassId.SwitchMultilevel, 0xFF)));
        var failure = Assert.Throws<RadioCommandException>(() => ZWaveCommandTranslator.Translate(DimmerLight, new RadioCommand("3", "setIntensity", [JsonDocument.Parse("\"x\"").RootElement])));
        Assert.Equal(FailureType.ErrorWhileExecuting, failure.FailureType);
    }

    [Theory]
    [InlineData(0x11, 0x06, new byte[] { 0x26 }, RollerShutter)]
    [InlineData(0x11, 0x01, new byte[] { 0x26 }, DimmerLight)]
    [InlineData(0x10, 0x01, new byte[] { 0x25, 0x32 }, OnOffSwitch)]
    [InlineData(0x21, 0x01, new byte[] { 0x31, 0x71 }, MultiSensor)]
    [InlineData(0x20, 0x01, new byte[] { 0x30 }, ContactSensor)]
    [InlineData(0x31, 0x01, new byte[] { 0x32 }, ElectricityMeter)]
    public void Nodes_map_to_kinds_by_device_class_and_command_classes(byte generic, byte specific, byte[] classes, string kind)
    {
        Assert.Equal(kind, ZWaveDeviceMapper.Map(new ZWaveNode(9, true, 4, generic, specific, classes))?.ControllableName);
    }

    [Theory]
    [InlineData(NotificationCommandClass.Smoke, SmokeSensor)]
    [InlineData(NotificationCommandClass.Water, WaterDetectionSensor)]
    [InlineData(NotificationCommandClass.HomeSecurity, MotionSensor)]
    [InlineData(NotificationCommandClass.AccessControl, ContactSensor)]
    public void Notification_sensors_map_by_their_supported_types(byte type, string kind)
    {
        var node = new ZWaveNode(9, false, 4, 0x07, 0x01, [CommandClassId.Notification]) { NotificationTypes = [type] };
        Assert.Equal(kind, ZWaveDeviceMapper.Map(node)?.ControllableName);
    }

    [Fact]
    public void A_stored_node_reads_back_as_it_was_written()
    {
        var node = new ZWaveNode(5, false, 4, 0x21, 1, [0x31, 0x71]) { ManufacturerId = 0x86, ProductType = 2, ProductId = 0x64, ApplicationVersion = "1.02", NotificationTypes = [7] };
        var back = ZWaveNodeJson.TryParse(ZWaveNodeJson.Write(node))!;
        Assert.Equal(node.CommandClasses, back.CommandClasses);
        Assert.Equal(node.NotificationTypes, back.NotificationTypes);
        Assert.Equal(node with { CommandClasses = back.CommandClasses, NotificationTypes = back.NotificationTypes }, back);
        Assert.Null(ZWaveNodeJson.TryParse("{\"nodeId\":\"x\"}"));
    }

    [Theory]
    [InlineData("5", (byte)5, (byte)0)]
    [InlineData("12#2", (byte)12, (byte)2)]
    [InlineData("zwave://1234-5678-9012/7", (byte)7, (byte)0)]
    public void Device_addresses_parse(string text, byte node, byte endpoint)
    {
        Assert.Equal(new ZWaveDeviceAddress(node, endpoint), ZWaveDeviceAddress.TryParse(text));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("256")]
    [InlineData("x")]
    [InlineData("5#")]
    public void Bad_device_addresses_do_not_parse(string text)
    {
        Assert.Null(ZWaveDeviceAddress.TryParse(text));
    }
}
