using Gateway.Core.Executions;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.Simulator.Nodes;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>Inclusion, exclusion, failed nodes, reset and recovery of the controller, against the simulated controller.</summary>
public class ZWaveNetworkManagementTests
{
    private sealed class Progress : IRadioCommandProgress
    {
        void IRadioCommandProgress.Transmitted()
        {
        }

        void IRadioCommandProgress.InProgress()
        {
        }
    }

    private static async Task<RadioHarness> AdoptedAsync(Network network, IRadioSettingsStore? settings = null, Action<ZWaveRadioOptions>? configure = null)
    {
        var harness = await RadioHarness.StartAsync(network, settings, configure);
        await harness.WaitForAsync(seen => seen.OfType<DeviceDiscovered>().Count() >= 5, "the network was adopted");
        await Wait.UntilAsync(() => harness.Radio.Nodes.Count == 5, "all nodes interviewed");
        return harness;
    }

    private static Task OnAsync(RadioHarness harness, string address) =>
        harness.Radio.ExecuteAsync(new RadioCommand(address, "on", []), new Progress(), CancellationToken.None);

    [Fact]
    public async Task A_node_that_presses_its_button_during_inclusion_is_interviewed_becomes_a_device_and_is_driven()
    {
        var network = new Network();
        var settings = new InMemoryRadioSettingsStore();
        await using var harness = await AdoptedAsync(network, settings);
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), null), CancellationToken.None);
        Assert.True(harness.Simulator!.Including);
        Assert.True(harness.Radio.GetDiagnostics().PairingMode);
        await harness.WaitForAsync(seen => seen.Any(r => r is PairingModeReported { Active: true }), "pairing mode reported open");
        await harness.WaitForAsync(seen => seen.Any(r => r is NetworkOperationReported { Operation: IRadioControllerManagement.SetMode, Succeeded: true }), "set mode completed");

        var plug = new SimulatedSwitch(7);
        Assert.True(harness.Simulator.PressButton(plug));
        await harness.WaitForAsync(seen => seen.OfType<DeviceDiscovered>().Any(d => d.Address == "7" && d.ControllableName == ZWaveControllableNames.OnOffSwitch), "the new plug became a device");
        await harness.WaitForAsync(seen => seen.Any(r => r is PairingModeReported { Active: false, TimedOut: false }), "pairing mode reported closed");
        Assert.False(harness.Simulator.Including);
        Assert.False(harness.Radio.GetDiagnostics().PairingMode);
        Assert.NotNull(await settings.GetAsync(ZWaveRadio.ProtocolName, "node/7", CancellationToken.None));

        await OnAsync(harness, "7");
        Assert.True(plug.IsOn);
        Assert.Equal(1, harness.Radio.GetDiagnostics().Counters["inclusions"]);
    }

    [Fact]
    public async Task Inclusion_closes_by_itself_when_its_time_is_up_and_on_stop()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network);
        await harness.Radio.StartInclusionAsync(TimeSpan.FromMilliseconds(200), false, false, CancellationToken.None);
        await harness.WaitForAsync(seen => seen.Any(r => r is PairingModeReported { Active: false, TimedOut: true }), "inclusion timed out");
        await Wait.UntilAsync(() => !harness.Simulator!.Including, "the controller left inclusion mode");
        Assert.False(harness.Simulator!.PressButton(new SimulatedSwitch(7)));

        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), null), CancellationToken.None);
        Assert.True(harness.Simulator.Including);
        await harness.Radio.StopPairingAsync(CancellationToken.None);
        await Wait.UntilAsync(() => !harness.Simulator.Including, "the controller left inclusion mode on stop");
        await harness.WaitForAsync(seen => seen.Any(r => r is PairingModeReported { Active: false, TimedOut: false }), "pairing mode reported closed");
        Assert.DoesNotContain(harness.Seen.OfType<DeviceDiscovered>(), d => d.Address == "7");
    }

    [Fact]
    public async Task Exclusion_is_refused_while_inclusion_runs()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network);
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), null), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Radio.StartExclusionAsync(TimeSpan.FromMinutes(1), false, false, CancellationToken.None));
        Assert.Contains("inclusion", refused.Message);
    }

    [Fact]
    public async Task An_excluded_node_leaves_with_its_device_and_its_stored_interview()
    {
        var network = new Network();
        var settings = new InMemoryRadioSettingsStore();
        await using var harness = await AdoptedAsync(network, settings);
        await harness.Radio.StartExclusionAsync(TimeSpan.FromMinutes(1), false, false, CancellationToken.None);
        Assert.True(harness.Simulator!.Excluding);
        Assert.True(harness.Simulator.PressButton(network.Dimmer));
        await harness.WaitForAsync(seen => seen.OfType<DeviceRemovedReported>().Any(r => r.Address == "3"), "the dimmer was removed");
        await Wait.UntilAsync(() => !harness.Simulator.Excluding, "the controller left exclusion mode");
        Assert.False(harness.Radio.Nodes.ContainsKey(3));
        Assert.Null(await settings.GetAsync(ZWaveRadio.ProtocolName, "node/3", CancellationToken.None));
        var gone = await Assert.ThrowsAsync<RadioCommandException>(() => OnAsync(harness, "3"));
        Assert.Equal(FailureType.ActuatorUnknown, gone.FailureType);
        Assert.Equal(1, harness.Radio.GetDiagnostics().Counters["exclusions"]);
    }

    [Fact]
    public async Task Excluding_a_device_of_another_network_removes_nothing_and_says_so()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network);
        await harness.Radio.StartExclusionAsync(TimeSpan.FromMinutes(1), false, false, CancellationToken.None);
        Assert.True(harness.Simulator!.PressButton(new SimulatedSwitch(42)));
        await harness.WaitForAsync(seen => seen.OfType<RadioNoticeReported>().Any(n => n.Notice == ZWaveRadio.ExclusionInOtherNetwork), "the foreign exclusion was reported");
        Assert.Empty(harness.Seen.OfType<DeviceRemovedReported>());
        Assert.Equal(5, harness.Radio.Nodes.Count);
        await Wait.UntilAsync(() => !harness.Radio.ExclusionOpen, "exclusion ended");
    }

    [Fact]
    public async Task A_node_that_stops_acknowledging_is_checked_becomes_unavailable_and_available_again_when_heard()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network);
        network.Switch.Reachable = false;
        await Assert.ThrowsAsync<RadioCommandException>(() => OnAsync(harness, "2"));
        await harness.WaitForAsync(seen => seen.OfType<AvailabilityReported>().Any(r => r is { Address: "2", Available: false }), "the plug became unavailable");
        Assert.Contains((byte)2, harness.Radio.UnreachableNodes);
        Assert.True(await harness.Radio.IsFailedNodeAsync("2", CancellationToken.None));

        network.Switch.Reachable = true;
        network.Switch.Report(SwitchBinaryCommandClass.Report(false));
        await harness.WaitForAsync(seen => seen.OfType<AvailabilityReported>().Any(r => r is { Address: "2", Available: true }), "the plug became available again");
        Assert.Empty(harness.Radio.UnreachableNodes);
    }

    [Fact]
    public async Task A_failed_node_is_removed_but_a_node_that_answers_is_not()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network);
        var answers = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Radio.RemoveFailedNodeAsync("2", CancellationToken.None));
        Assert.Contains("not failed", answers.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Radio.RemoveFailedNodeAsync("42", CancellationToken.None));

        network.Switch.Reachable = false;
        await harness.Radio.RemoveFailedNodeAsync("2", CancellationToken.None);
        await harness.WaitForAsync(seen => seen.OfType<DeviceRemovedReported>().Any(r => r.Address == "2"), "the failed plug was removed");
        Assert.DoesNotContain(harness.Simulator!.Nodes, n => n.NodeId == 2);
        Assert.False(harness.Radio.Nodes.ContainsKey(2));
    }

    [Fact]
    public async Task A_failed_node_is_replaced_by_the_next_device_included_under_its_node_id()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network);
        network.Switch.Reachable = false;
        await harness.Radio.ReplaceFailedNodeAsync("2", CancellationToken.None);
        Assert.True(harness.Simulator!.Including);
        var dimmer = new SimulatedDimmer(2);
        Assert.True(harness.Simulator.PressButton(dimmer));
        await harness.WaitForAsync(seen => seen.OfType<DeviceRemovedReported>().Any(r => r.Address == "2"), "the failed plug's device left");
        await harness.WaitForAsync(seen => seen.OfType<DeviceDiscovered>().Any(d => d.Address == "2" && d.ControllableName == ZWaveControllableNames.DimmerLight), "the new dimmer took node 2");
        await harness.Radio.ExecuteAsync(new RadioCommand("2", "setIntensity", [System.Text.Json.JsonDocument.Parse("30").RootElement]), new Progress(), CancellationToken.None);
        Assert.Equal(30, dimmer.Level);
    }

    [Fact]
    public async Task Reset_removes_every_device_and_reads_the_new_network()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network);
        Assert.Equal(2, harness.Radio.ControllerCapability);
        var before = harness.Radio.Controller!.HomeId;
        await harness.Radio.ResetAsync(CancellationToken.None);
        Assert.NotEqual(before, harness.Radio.Controller!.HomeId);
        Assert.Empty(harness.Radio.Nodes);
        Assert.Equal(1, harness.Radio.ControllerCapability);
        await harness.WaitForAsync(seen => new[] { "2", "3", "4", "5", "6" }.All(a => seen.OfType<DeviceRemovedReported>().Any(r => r.Address == a)), "every device removed");
        await harness.WaitForAsync(seen => seen.Any(r => r is NetworkOperationReported { Operation: IRadioControllerManagement.Reset, Succeeded: true }), "reset completed");
    }

    [Fact]
    public async Task A_controller_that_goes_silent_after_acking_a_request_is_reopened_soft_reset_and_keeps_its_devices()
    {
        var network = new Network();
        await using var harness = await AdoptedAsync(network, configure: o =>
        {
            o.AckTimeoutMilliseconds = 300;
            o.ResponseTimeoutSeconds = 1;
        });
        var wedged = harness.Simulator!;
        wedged.SilenceAfterAcking(FunctionId.SendData);
        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => OnAsync(harness, "2"));
        Assert.Equal(FailureType.NonExecuting, failure.FailureType);
        await Wait.UntilAsync(() => harness.Connections >= 2 && harness.Radio.Ready,
            $"the link was reopened ({harness.Connections} connections, {string.Join(", ", harness.Radio.GetDiagnostics().Counters.Where(c => c.Value != 0))})");
        Assert.True(harness.Simulator!.SoftResets >= 1);
        await OnAsync(harness, "2");
        Assert.True(network.Switch.IsOn);
        Assert.Empty(harness.Seen.OfType<DeviceRemovedReported>());
        Assert.True(harness.Radio.GetDiagnostics().Counters["softResets"] >= 1);
    }
}
