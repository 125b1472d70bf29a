using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Motion sensors paired through the radio: IAS zones are enrolled and notify; Occupancy Sensing ones report.</summary>
public class MotionSensorTests
{
    private const ulong SensorIeee = 0x00158D000223A4B5;

    private static async Task<TcpHarness> OpenNetworkAsync()
    {
        var harness = await TcpHarness.StartAsync(formed: true, settings: new InMemoryRadioSettingsStore(),
            configure: o => { o.ZclResponseTimeoutSeconds = 2; o.ZdoResponseTimeoutSeconds = 2; o.InterviewRetrySeconds = 0.05; });
        await Wait.UntilAsync(() => harness.Radio.Ready);
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(60), null), CancellationToken.None);
        return harness;
    }

    private static async Task<List<DeviceReport>> ReadUntilAsync(ZigbeeRadio radio, List<DeviceReport> seen, Func<List<DeviceReport>, bool> done)
    {
        using var patience = new CancellationTokenSource(Wait.Patience);
        while (!done(seen)) seen.Add(await radio.Reports.ReadAsync(patience.Token));
        return seen;
    }

    private static bool Occupancy(List<DeviceReport> reports, string address, string value) =>
        reports.OfType<StatesReported>().Any(s => s.Address == address && s.States.Any(x => x.Name == CoreStateNames.Occupancy && x.Value.GetString() == value));

    [Fact]
    public async Task An_IAS_motion_sensor_is_enrolled_with_the_coordinator_and_its_notifications_become_occupancy_states()
    {
        await using var harness = await OpenNetworkAsync();
        var sensor = new SimulatedMotionSensor(SensorIeee, 0x4A5B, ias: true);
        var node = ZclNode.For(sensor, harness.Simulator!);
        Assert.True(await harness.Simulator!.JoinAsync(node));
        var address = ZigbeeRadio.AddressOf(SensorIeee, SimulatedMotionSensor.Endpoint);
        var reports = await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));

        Assert.Equal(ZigbeeControllableNames.OccupancySensor, reports.OfType<DeviceDiscovered>().Single(d => d.Address == address).ControllableName);
        Assert.Equal((long)harness.Simulator.IeeeAddress, sensor.Attribute(SimulatedMotionSensor.Endpoint, IasZoneCluster.Id, IasZoneCluster.IasCieAddress)!.Integer);
        await Wait.UntilAsync(() => sensor.Enrolled);
        Assert.Equal(ZigbeeRadio.ZoneIdOf(SensorIeee), (byte)sensor.Attribute(SimulatedMotionSensor.Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneId)!.Integer);

        sensor.SetMotion(true);
        await ReadUntilAsync(harness.Radio, reports, r => Occupancy(r, address, "personInside"));
        sensor.SetMotion(false);
        await ReadUntilAsync(harness.Radio, reports, r => Occupancy(r, address, "noPersonInside"));
    }

    [Fact]
    public async Task A_zone_status_notification_is_acknowledged_with_a_default_response()
    {
        await using var harness = await OpenNetworkAsync();
        var sensor = new SimulatedMotionSensor(SensorIeee, 0x4A5B, ias: true);
        var node = ZclNode.For(sensor, harness.Simulator!);
        Assert.True(await harness.Simulator!.JoinAsync(node));
        var address = ZigbeeRadio.AddressOf(SensorIeee, SimulatedMotionSensor.Endpoint);
        var reports = await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));
        await Wait.UntilAsync(() => sensor.Enrolled);

        sensor.SetMotion(true);
        await ReadUntilAsync(harness.Radio, reports, r => Occupancy(r, address, "personInside"));
        await Wait.UntilAsync(() => node.ApplicationFrames.Any(f => f.Cluster == IasZoneCluster.Id && IsDefaultResponseTo(f.Payload, IasZoneCluster.ZoneStatusChangeNotificationCommand)));
    }

    [Fact]
    public async Task An_occupancy_sensing_motion_sensor_reports_occupancy_and_is_not_enrolled()
    {
        await using var harness = await OpenNetworkAsync();
        var sensor = new SimulatedMotionSensor(SensorIeee, 0x4A5B, ias: false);
        var node = ZclNode.For(sensor, harness.Simulator!);
        Assert.True(await harness.Simulator!.JoinAsync(node));
        var address = ZigbeeRadio.AddressOf(SensorIeee, SimulatedMotionSensor.Endpoint);
        var reports = await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));

        sensor.SetMotion(true);
        await ReadUntilAsync(harness.Radio, reports, r => Occupancy(r, address, "personInside"));
        Assert.DoesNotContain(node.ApplicationFrames, f => f.Cluster == IasZoneCluster.Id);
    }

    [Theory]
    [InlineData(ZigbeeControllableNames.OccupancySensor, IasZoneType.MotionSensor)]
    [InlineData(ZigbeeControllableNames.ContactSensor, IasZoneType.ContactSwitch)]
    [InlineData(ZigbeeControllableNames.SmokeSensor, IasZoneType.FireSensor)]
    [InlineData(ZigbeeControllableNames.WaterDetectionSensor, IasZoneType.WaterSensor)]
    public void The_zone_type_of_an_IAS_kind_maps_back_to_that_kind(string kind, ushort zoneType)
    {
        Assert.Equal(zoneType, ZigbeeDeviceMapper.ZoneTypeOf(kind));
        var node = new ZigbeeNodeInfo(SensorIeee, null, null, ZigbeePowerSource.Battery,
            [new ZigbeeEndpointInfo(1, ZigbeeEndpointInfo.HomeAutomationProfile, 0x0402, [ZclClusterId.Basic, ZclClusterId.IasZone], [])], zoneType);
        Assert.Equal(kind, ZigbeeDeviceMapper.Map(node).Single().ControllableName);
    }

    [Fact]
    public void Zone_ids_never_mean_not_enrolled()
    {
        Assert.NotEqual(0xFF, ZigbeeRadio.ZoneIdOf(0xFF));
        Assert.NotEqual(0xFF, ZigbeeRadio.ZoneIdOf(ulong.MaxValue));
        Assert.Equal(ZigbeeRadio.ZoneIdOf(SensorIeee), ZigbeeRadio.ZoneIdOf(SensorIeee));
    }

    private static bool IsDefaultResponseTo(byte[] payload, byte commandId) =>
        ZclCodec.TryDecode(payload, out var frame) && DefaultResponse.TryParse(frame, out var response)
        && response.CommandId == commandId && response.Status == ZclStatus.Success;
}
