using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests.Devices;

public class ZigbeeDeviceMapperTests
{
    private const ushort Ha = ZigbeeEndpointInfo.HomeAutomationProfile;

    private static ZigbeeNodeInfo Node(ZigbeePowerSource power, ushort? zoneType, params ZigbeeEndpointInfo[] endpoints) =>
        new(0x00124B0001020304, "ACME", "Thing", power, endpoints, zoneType);

    private static ZigbeeEndpointInfo Endpoint(byte id, ushort deviceId, params ushort[] inClusters) =>
        new(id, Ha, deviceId, [ZclClusterId.Basic, ZclClusterId.Identify, .. inClusters], [ZclClusterId.Ota]);

    private static string KindOf(ZigbeeNodeInfo node) => Assert.Single(ZigbeeDeviceMapper.Map(node)).ControllableName;

    [Theory]
    [InlineData(0x0100, new ushort[] { 0x0006 }, ZigbeeControllableNames.OnOffLight)]
    [InlineData(0x010A, new ushort[] { 0x0006 }, ZigbeeControllableNames.OnOffPlug)]
    [InlineData(0x0051, new ushort[] { 0x0006, 0x0702, 0x0B04 }, ZigbeeControllableNames.OnOffMeteringPlug)]
    [InlineData(0x0101, new ushort[] { 0x0006, 0x0008 }, ZigbeeControllableNames.DimmerLight)]
    [InlineData(0x010C, new ushort[] { 0x0006, 0x0008, 0x0300 }, ZigbeeControllableNames.ColorTemperatureLight)]
    [InlineData(0x010D, new ushort[] { 0x0006, 0x0008, 0x0300 }, ZigbeeControllableNames.ColorLight)]
    [InlineData(0x0202, new ushort[] { 0x0102 }, ZigbeeControllableNames.WindowCovering)]
    [InlineData(0x0301, new ushort[] { 0x0201, 0x0001 }, ZigbeeControllableNames.Thermostat)]
    [InlineData(0x0302, new ushort[] { 0x0402, 0x0001 }, ZigbeeControllableNames.TemperatureSensor)]
    [InlineData(0x0302, new ushort[] { 0x0402, 0x0405, 0x0001 }, ZigbeeControllableNames.TemperatureHumiditySensor)]
    [InlineData(0x0302, new ushort[] { 0x0405 }, ZigbeeControllableNames.HumiditySensor)]
    [InlineData(0x0106, new ushort[] { 0x0400 }, ZigbeeControllableNames.LightSensor)]
    [InlineData(0x0107, new ushort[] { 0x0406, 0x0400, 0x0001 }, ZigbeeControllableNames.OccupancySensor)]
    [InlineData(0x0053, new ushort[] { 0x0702 }, ZigbeeControllableNames.ElectricityMeter)]
    public void Endpoint_clusters_decide_the_kind(ushort deviceId, ushort[] clusters, string expected)
    {
        Assert.Equal(expected, KindOf(Node(ZigbeePowerSource.Mains, null, Endpoint(1, deviceId, clusters))));
    }

    [Theory]
    [InlineData(IasZoneType.MotionSensor, ZigbeeControllableNames.OccupancySensor)]
    [InlineData(IasZoneType.ContactSwitch, ZigbeeControllableNames.ContactSensor)]
    [InlineData(IasZoneType.FireSensor, ZigbeeControllableNames.SmokeSensor)]
    [InlineData(IasZoneType.WaterSensor, ZigbeeControllableNames.WaterDetectionSensor)]
    public void An_ias_zone_is_a_sensor_of_its_zone_type(ushort zoneType, string expected)
    {
        var node = Node(ZigbeePowerSource.Battery, zoneType, Endpoint(1, 0x0402, ZclClusterId.PowerConfiguration, ZclClusterId.IasZone));
        var device = Assert.Single(ZigbeeDeviceMapper.Map(node));
        Assert.Equal(expected, device.ControllableName);
        Assert.Contains(ZclClusterId.IasZone, device.BindClusters);
    }

    [Fact]
    public void An_ias_zone_of_a_type_without_a_kind_makes_no_device()
    {
        Assert.Empty(ZigbeeDeviceMapper.Map(Node(ZigbeePowerSource.Battery, IasZoneType.KeyFob, Endpoint(1, 0x0402, ZclClusterId.IasZone))));
    }

    [Fact]
    public void A_controller_whose_on_off_is_a_client_cluster_makes_no_device()
    {
        var remote = new ZigbeeEndpointInfo(1, Ha, 0x0104, [ZclClusterId.Basic, ZclClusterId.PowerConfiguration], [ZclClusterId.OnOff, ZclClusterId.LevelControl]);
        Assert.Empty(ZigbeeDeviceMapper.Map(Node(ZigbeePowerSource.Battery, null, remote)));
    }

    [Fact]
    public void Green_power_and_unknown_profiles_are_ignored()
    {
        var greenPower = new ZigbeeEndpointInfo(242, 0xA1E0, 0x0061, [], [0x0021]);
        var light = Endpoint(11, 0x0101, ZclClusterId.OnOff, ZclClusterId.LevelControl);
        var device = Assert.Single(ZigbeeDeviceMapper.Map(Node(ZigbeePowerSource.Mains, null, light, greenPower)));
        Assert.Equal(11, device.Endpoint);
        Assert.Equal("ACME Thing", device.Label);
    }

    [Fact]
    public void A_light_link_on_off_light_is_a_light()
    {
        var zll = new ZigbeeEndpointInfo(11, ZigbeeEndpointInfo.LightLinkProfile, 0x0000, [ZclClusterId.OnOff], []);
        Assert.Equal(ZigbeeControllableNames.OnOffLight, KindOf(Node(ZigbeePowerSource.Mains, null, zll)));
    }

    [Fact]
    public void A_two_gang_switch_is_two_devices_labelled_by_endpoint()
    {
        var node = Node(ZigbeePowerSource.Mains, null, Endpoint(1, 0x0100, ZclClusterId.OnOff), Endpoint(2, 0x0100, ZclClusterId.OnOff));
        var devices = ZigbeeDeviceMapper.Map(node);
        Assert.Equal([1, 2], devices.Select(d => (int)d.Endpoint));
        Assert.Equal(["ACME Thing (1)", "ACME Thing (2)"], devices.Select(d => d.Label));
    }

    [Fact]
    public void A_node_without_basic_names_is_labelled_by_kind_and_address()
    {
        var node = new ZigbeeNodeInfo(0x00124B0001020304, null, " ", ZigbeePowerSource.Mains, [Endpoint(1, 0x0101, ZclClusterId.OnOff, ZclClusterId.LevelControl)]);
        Assert.Equal("Zigbee DimmerLight 00124B0001020304", Assert.Single(ZigbeeDeviceMapper.Map(node)).Label);
    }

    [Fact]
    public void A_dimmable_light_binds_and_reports_on_off_and_level()
    {
        var device = Assert.Single(ZigbeeDeviceMapper.Map(Node(ZigbeePowerSource.Mains, null, Endpoint(1, 0x0101, ZclClusterId.OnOff, ZclClusterId.LevelControl))));
        Assert.Equal([ZclClusterId.OnOff, ZclClusterId.LevelControl], device.BindClusters);
        Assert.Equal(new ReportingConfiguration(0x0000, ZclDataType.Bool, 0, 300), Assert.Single(device.ReportingFor(ZclClusterId.OnOff)));
        Assert.Equal(new ReportingConfiguration(0x0000, ZclDataType.UInt8, 1, 300, ZclValue.UInt8(1)), Assert.Single(device.ReportingFor(ZclClusterId.LevelControl)));
    }

    [Fact]
    public void A_battery_thermometer_also_reports_its_battery()
    {
        var node = Node(ZigbeePowerSource.Battery, null, Endpoint(1, 0x0302, ZclClusterId.PowerConfiguration, ZclClusterId.TemperatureMeasurement, ZclClusterId.RelativeHumidityMeasurement));
        var device = Assert.Single(ZigbeeDeviceMapper.Map(node));
        Assert.Equal([ZclClusterId.TemperatureMeasurement, ZclClusterId.RelativeHumidityMeasurement, ZclClusterId.PowerConfiguration], device.BindClusters);
        var battery = Assert.Single(device.ReportingFor(ZclClusterId.PowerConfiguration));
        Assert.Equal(PowerConfigurationCluster.BatteryPercentageRemaining, battery.AttributeId);
    }

    [Fact]
    public void A_mains_device_does_not_report_a_battery()
    {
        var device = Assert.Single(ZigbeeDeviceMapper.Map(Node(ZigbeePowerSource.Mains, null, Endpoint(1, 0x0302, ZclClusterId.PowerConfiguration, ZclClusterId.TemperatureMeasurement))));
        Assert.DoesNotContain(ZclClusterId.PowerConfiguration, device.BindClusters);
    }

    [Fact]
    public void A_metering_plug_reports_power_and_energy()
    {
        var device = Assert.Single(ZigbeeDeviceMapper.Map(Node(ZigbeePowerSource.Mains, null, Endpoint(1, 0x0051, ZclClusterId.OnOff, ZclClusterId.Metering, ZclClusterId.ElectricalMeasurement))));
        Assert.Equal([ZclClusterId.OnOff, ZclClusterId.ElectricalMeasurement, ZclClusterId.Metering], device.BindClusters);
        Assert.Equal(ElectricalMeasurementCluster.ActivePower, Assert.Single(device.ReportingFor(ZclClusterId.ElectricalMeasurement)).AttributeId);
    }

    [Fact]
    public void Power_source_comes_from_the_basic_attribute()
    {
        Assert.Equal(ZigbeePowerSource.Mains, ZigbeePowerSources.FromBasicAttribute(0x01));
        Assert.Equal(ZigbeePowerSource.Mains, ZigbeePowerSources.FromBasicAttribute(0x81));
        Assert.Equal(ZigbeePowerSource.Battery, ZigbeePowerSources.FromBasicAttribute(0x03));
        Assert.Equal(ZigbeePowerSource.Unknown, ZigbeePowerSources.FromBasicAttribute(0x00));
    }
}
