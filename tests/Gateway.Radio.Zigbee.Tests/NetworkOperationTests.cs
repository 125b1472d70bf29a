using Gateway.Core.Model;
using Gateway.Core.Executions;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;

namespace Gateway.Radio.Zigbee.Tests;

/// <summary>Device removal and the network operations of the API (create, leave, refresh, bind) against a simulated coordinator.</summary>
public class NetworkOperationTests
{
    private const ulong BulbIeee = 0x000B57FFFE3A1C2D;
    private const ulong SensorIeee = 0x0017880103C4D5E6;

    private static async Task<TcpHarness> OpenNetworkAsync(InMemoryRadioSettingsStore? settings = null)
    {
        var harness = await TcpHarness.StartAsync(formed: true, settings: settings ?? new InMemoryRadioSettingsStore(),
            configure: o => { o.ZclResponseTimeoutSeconds = 2; o.ZdoResponseTimeoutSeconds = 2; o.InterviewRetrySeconds = 0.05; o.Channel = 15; });
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

    private static async Task<(SimulatedBulb Bulb, SimulatedNode Node, List<DeviceReport> Reports)> PairBulbAsync(TcpHarness harness)
    {
        var bulb = new SimulatedBulb(BulbIeee, 0x1A2B);
        var node = ZclNode.For(bulb, harness.Simulator!);
        Assert.True(await harness.Simulator!.JoinAsync(node));
        var address = ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint);
        var reports = await ReadUntilAsync(harness.Radio, [], r => r.OfType<DeviceDiscovered>().Any(d => d.Address == address));
        return (bulb, node, reports);
    }

    private static bool Ended(List<DeviceReport> reports, string operation, bool succeeded) =>
        reports.OfType<NetworkOperationReported>().Any(o => o.Operation == operation && o.Succeeded == succeeded);

    [Fact]
    public async Task A_device_removed_by_its_address_leaves_the_network_and_every_device_of_it_is_reported_removed()
    {
        var settings = new InMemoryRadioSettingsStore();
        await using var harness = await OpenNetworkAsync(settings);
        var (_, _, reports) = await PairBulbAsync(harness);
        var address = ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint);

        await ((IRadioDeviceRemoval)harness.Radio).RemoveDeviceAsync(address, CancellationToken.None);

        await ReadUntilAsync(harness.Radio, reports, r => r.OfType<DeviceRemovedReported>().Any(d => d.Address == address));
        Assert.Empty(harness.Simulator!.Nodes);
        Assert.False(harness.Radio.Nodes.ContainsKey(BulbIeee));
        Assert.Null(await settings.GetAsync("zigbee", "node/000b57fffe3a1c2d", default));
        Assert.Contains(harness.Simulator.Received, f => f.Is(MtType.Sreq, MtSubsystem.Zdo, ZdoCommands.MgmtLeaveReqId));
        var refused = await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(
            new RadioCommand(address, "on", []), new NoProgress(), CancellationToken.None));
        Assert.Equal(FailureType.ActuatorUnknown, refused.FailureType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_motion_sensor_s_occupancy_is_known_right_after_pairing_without_waiting_for_a_report(bool ias)
    {
        await using var harness = await OpenNetworkAsync();
        var sensor = new SimulatedMotionSensor(SensorIeee, 0x6C7D, ias);
        sensor.SetMotion(true);
        Assert.True(await harness.Simulator!.JoinAsync(ZclNode.For(sensor, harness.Simulator)));
        var address = ZigbeeRadio.AddressOf(SensorIeee, SimulatedMotionSensor.Endpoint);

        await ReadUntilAsync(harness.Radio, [], r => r.OfType<StatesReported>().Any(s => s.Address == address
            && s.States.Any(x => x.Name == CoreStateNames.Occupancy && x.Value.GetString() == "personInside")));
    }

    [Fact]
    public async Task Create_network_forms_a_fresh_network_on_an_asked_channel_stores_it_and_shows_the_old_devices_unavailable()
    {
        var settings = new InMemoryRadioSettingsStore();
        await using var harness = await OpenNetworkAsync(settings);
        var (_, _, reports) = await PairBulbAsync(harness);
        var address = ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint);
        var old = harness.Memory.Network!;

        await harness.Radio.CreateNetworkAsync([20, 25], CancellationToken.None);

        await ReadUntilAsync(harness.Radio, reports, r => Ended(r, IRadioNetworkManagement.CreateNetwork, true));
        Assert.Contains(reports.OfType<AvailabilityReported>(), a => a.Address == address && !a.Available);
        var formed = harness.Memory.Network!;
        Assert.Equal(20, formed.Channel);
        Assert.False(old.NetworkKey.AsSpan().SequenceEqual(formed.NetworkKey));
        Assert.Equal(formed.PanId, harness.Radio.StoredNetwork!.Parameters.PanId);
        Assert.Equal(formed.NetworkKey, harness.Radio.StoredNetwork.Parameters.NetworkKey);
        Assert.Null(harness.Radio.NetworkMismatch);
        Assert.Empty(harness.Radio.Nodes);
        Assert.Equal(formed.PanId, ZigbeeNetworkBackup.Parse((await settings.GetAsync("zigbee", ZigbeeRadio.NetworkSettingKey, default))!).Parameters.PanId);
    }

    [Fact]
    public async Task Create_network_prefers_the_configured_channel_when_it_is_allowed_and_refuses_channels_outside_11_to_26()
    {
        await using var harness = await OpenNetworkAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Radio.CreateNetworkAsync([11, 27], CancellationToken.None));

        await harness.Radio.CreateNetworkAsync([11, 15], CancellationToken.None);

        await ReadUntilAsync(harness.Radio, [], r => Ended(r, IRadioNetworkManagement.CreateNetwork, true));
        Assert.Equal(15, harness.Memory.Network!.Channel);
    }

    [Fact]
    public async Task Leave_network_ends_the_network_forgets_its_devices_and_the_coordinator_forms_a_fresh_one_they_can_join_again()
    {
        await using var harness = await OpenNetworkAsync();
        var (bulb, _, reports) = await PairBulbAsync(harness);
        var address = ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint);
        var old = harness.Memory.Network!;

        await harness.Radio.LeaveNetworkAsync(CancellationToken.None);

        await ReadUntilAsync(harness.Radio, reports, r => Ended(r, IRadioNetworkManagement.LeaveNetwork, true));
        Assert.Contains(reports.OfType<AvailabilityReported>(), a => a.Address == address && !a.Available);
        Assert.False(old.NetworkKey.AsSpan().SequenceEqual(harness.Memory.Network!.NetworkKey));
        Assert.Equal(15, harness.Memory.Network.Channel);
        Assert.Empty(harness.Radio.Nodes);

        // Paired again on the new network, it is back under the same address and available.
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(60), null), CancellationToken.None);
        Assert.True(await harness.Simulator!.JoinAsync(ZclNode.For(bulb, harness.Simulator)));
        reports.Clear();
        await ReadUntilAsync(harness.Radio, reports, r => r.OfType<AvailabilityReported>().Any(a => a.Address == address && a.Available));
    }

    [Fact]
    public async Task Refresh_network_reads_every_device_again_and_bind_network_binds_them_again()
    {
        await using var harness = await OpenNetworkAsync();
        var (_, node, reports) = await PairBulbAsync(harness);
        var binds = harness.Simulator!.Received.Count(f => f.Is(MtType.Sreq, MtSubsystem.Zdo, ZdoCommands.BindReqId));
        var frames = node.ApplicationFrames.Count;

        await harness.Radio.RefreshNetworkAsync(CancellationToken.None);
        await ReadUntilAsync(harness.Radio, reports, r => Ended(r, IRadioNetworkManagement.RefreshNetwork, true));
        Assert.True(node.ApplicationFrames.Count > frames);

        await harness.Radio.BindNetworkAsync(CancellationToken.None);
        await ReadUntilAsync(harness.Radio, reports, r => Ended(r, IRadioNetworkManagement.BindNetwork, true));
        Assert.True(harness.Simulator.Received.Count(f => f.Is(MtType.Sreq, MtSubsystem.Zdo, ZdoCommands.BindReqId)) > binds);
    }

    [Fact]
    public async Task Network_operations_are_refused_while_there_is_no_coordinator()
    {
        // A port nobody listens on: the radio never gets a coordinator.
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var radio = new ZigbeeRadio(new ZigbeeRadioOptions { Port = $"tcp://127.0.0.1:{port}" }, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ZigbeeRadio>.Instance);
        await radio.StartAsync(RadioStartContext.Empty, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => radio.CreateNetworkAsync([], CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => radio.LeaveNetworkAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => radio.RefreshNetworkAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => radio.BindNetworkAsync(CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => radio.StartPairingAsync(new PairingRequest(TimeSpan.FromSeconds(5), null), CancellationToken.None));
        using var patience = new CancellationTokenSource(Wait.Patience);
        var report = await radio.Reports.ReadAsync(patience.Token);
        Assert.Equal(new NetworkOperationReported(IRadioNetworkManagement.JoinNetwork, false), report);
    }

    private sealed class NoProgress : IRadioCommandProgress
    {
        public void Transmitted() { }
        public void InProgress() { }
    }
}
