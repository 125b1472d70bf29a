using System.Globalization;
using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Simulator.Nodes;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>
/// Thermostats (Supervision), Multi Channel endpoints, sleeping nodes' wake-up queue, Central Scene, Configuration,
/// Meter reset and polling, against the simulated controller.
/// </summary>
public class ZWaveCommandClassFeatureTests
{
    private sealed class Progress : IRadioCommandProgress
    {
        public int Transmitted, InProgress;
        public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Expected { get; } = new();
        void IRadioCommandProgress.Transmitted() => Interlocked.Increment(ref Transmitted);
        void IRadioCommandProgress.InProgress() => Interlocked.Increment(ref InProgress);
        void IRadioCommandProgress.ExpectCompletionWithin(TimeSpan duration) => Expected.Enqueue(duration);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static JsonElement Number(double value) => Json(value.ToString(CultureInfo.InvariantCulture));

    private static Task ExecuteAsync(RadioHarness harness, string address, string name, params JsonElement[] parameters) =>
        harness.Radio.ExecuteAsync(new RadioCommand(address, name, parameters), new Progress(), CancellationToken.None);

    private static bool HasState(IReadOnlyList<DeviceReport> seen, string address, string state, Func<JsonElement, bool> value) =>
        seen.OfType<StatesReported>().Any(r => r.Address == address && r.States.Any(s => s.Name == state && value(s.Value)));

    private static bool Discovered(IReadOnlyList<DeviceReport> seen, string address, string kind) =>
        seen.OfType<DeviceDiscovered>().Any(d => d.Address == address && d.ControllableName == kind);

    private static async Task<RadioHarness> StartAsync(Network network, params (string Address, string Kind)[] devices)
    {
        var harness = await RadioHarness.StartAsync(network, configure: o => o.PollIntervalSeconds = 0);
        await harness.WaitForAsync(seen => devices.All(d => Discovered(seen, d.Address, d.Kind)), "the devices were created");
        return harness;
    }

    /// <summary>
    /// Waits until the valve's interview is over, its first read included (the battery is read last): from then on
    /// nothing goes to the valve but what a test sends.
    /// </summary>
    private static async Task ValveInterviewedAsync(RadioHarness harness)
    {
        await Wait.UntilAsync(() => harness.Radio.Nodes.TryGetValue(10, out var n) && n.WakeUpIntervalSeconds == 3600, "the wake-up interval was set at the interview");
        await harness.WaitForAsync(seen => HasState(seen, "10", CoreStateNames.BatteryLevel, _ => true), "the valve was read at the end of its interview");
    }

    [Fact]
    public async Task A_thermostat_gets_its_lifeline_and_its_setpoint_goes_in_supervision_and_comes_back_as_the_target_temperature()
    {
        var network = new Network();
        var thermostat = new SimulatedThermostat(7);
        network.Extra.Add(thermostat);
        await using var harness = await StartAsync(network, ("7", ZWaveControllableNames.Thermostat));
        await harness.WaitForAsync(seen => HasState(seen, "7", CoreStateNames.OperatingMode, v => v.GetString() == "heat"), "the mode was read at adoption");
        Assert.Equal(1, thermostat.LifelineNodeId);
        Assert.True(harness.Radio.Nodes[7].LifelineSet);

        await ExecuteAsync(harness, "7", "setTargetTemperature", Number(21.5));

        Assert.Equal(21.5, thermostat.Setpoint);
        var sent = harness.Simulator!.SendDataLog.Last(s => s.NodeId == 7 && s.Payload[0] == CommandClassId.Supervision);
        Assert.Equal(ThermostatSetpointCommandClass.Set(ThermostatSetpointCommandClass.Heating, 21.5), SupervisionCommandClass.ParseGet(sent.Payload)!.Value.Command);
        await harness.WaitForAsync(seen => HasState(seen, "7", CoreStateNames.TargetTemperature, v => v.GetDouble() == 21.5), "the target temperature state");

        await ExecuteAsync(harness, "7", "setOperatingMode", Json("\"eco\""));
        Assert.Equal(ThermostatModeCommandClass.EnergySaveHeat, thermostat.Mode);
        await harness.WaitForAsync(seen => HasState(seen, "7", CoreStateNames.OperatingMode, v => v.GetString() == "eco"), "the mode state");
    }

    [Theory]
    [InlineData(SupervisionCommandClass.Fail, "ERROR_WHILE_EXECUTING")]
    [InlineData(SupervisionCommandClass.NoSupport, "CMDUNKNOWN")]
    public async Task A_supervision_report_that_is_not_success_fails_the_command_with_its_failure_type(byte status, string failureType)
    {
        var network = new Network();
        var thermostat = new SimulatedThermostat(7) { SupervisionStatus = status };
        network.Extra.Add(thermostat);
        await using var harness = await StartAsync(network, ("7", ZWaveControllableNames.Thermostat));

        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "7", "setTargetTemperature", Number(24)));

        Assert.Equal(failureType, failure.FailureType.Name);
        Assert.Equal(20, thermostat.Setpoint);
    }

    [Fact]
    public async Task Each_endpoint_of_a_multi_channel_node_is_a_device_driven_and_reporting_on_its_own()
    {
        var network = new Network();
        var relays = new SimulatedDoubleSwitch(8);
        network.Extra.Add(relays);
        await using var harness = await StartAsync(network, ("8#1", ZWaveControllableNames.OnOffSwitch), ("8#2", ZWaveControllableNames.OnOffSwitch));
        Assert.DoesNotContain(harness.Seen.OfType<DeviceDiscovered>(), d => d.Address == "8");
        Assert.Equal([1, 2], harness.Radio.Nodes[8].Endpoints.Select(e => (int)e.Index));

        await ExecuteAsync(harness, "8#2", "on");

        Assert.True(relays.IsOn(2));
        Assert.False(relays.IsOn(1));
        Assert.Contains(harness.Simulator!.SendDataLog, s => s.NodeId == 8 && s.Payload.SequenceEqual(Hex.Bytes("60 0D 00 02 25 01 FF")));
        relays.Flip(1, true);
        await harness.WaitForAsync(seen => HasState(seen, "8#1", CoreStateNames.OnOff, v => v.GetString() == "on"), "endpoint 1 reported on");
    }

    [Fact]
    public async Task A_command_for_a_sleeping_node_waits_in_progress_until_its_wake_up_then_the_node_is_sent_back_to_sleep()
    {
        var network = new Network();
        var valve = new SimulatedThermostat(10, sleeping: true);
        network.Extra.Add(valve);
        await using var harness = await StartAsync(network, ("10", ZWaveControllableNames.Thermostat));
        await ValveInterviewedAsync(harness);
        Assert.Equal(3600, valve.WakeUpIntervalSeconds);
        valve.Asleep = true;
        var sentBefore = harness.Simulator!.SendDataLog.Count(s => s.NodeId == 10);

        var progress = new Progress();
        var running = harness.Radio.ExecuteAsync(new RadioCommand("10", "setTargetTemperature", [Number(17)]), progress, CancellationToken.None);
        await Wait.UntilAsync(() => harness.Radio.QueuedForWakeUp == 1, "the command waits for the wake-up");
        Assert.False(running.IsCompleted);
        Assert.Equal(1, progress.InProgress);
        Assert.Equal(sentBefore, harness.Simulator.SendDataLog.Count(s => s.NodeId == 10));

        valve.WakeUp();
        await running;

        Assert.Equal(17, valve.Setpoint);
        Assert.Equal(0, harness.Radio.QueuedForWakeUp);
        await Wait.UntilAsync(() => valve.Asleep, "the node was sent back to sleep");
        Assert.Equal(WakeUpCommandClass.NoMoreInformation(), valve.Received[^1]);
    }

    [Fact]
    public async Task A_command_for_a_sleeping_node_tells_the_engine_it_waits_for_the_wake_up_interval_and_a_margin()
    {
        var network = new Network();
        var valve = new SimulatedThermostat(10, sleeping: true);
        network.Extra.Add(valve);
        await using var harness = await StartAsync(network, ("10", ZWaveControllableNames.Thermostat));
        await ValveInterviewedAsync(harness);
        valve.Asleep = true;

        var progress = new Progress();
        var running = harness.Radio.ExecuteAsync(new RadioCommand("10", "setTargetTemperature", [Number(18)]), progress, CancellationToken.None);
        await Wait.UntilAsync(() => harness.Radio.QueuedForWakeUp == 1, "the command waits for the wake-up");

        // Interval 3600 s, margin the larger of 300 s and a tenth of it; then the time to send and confirm (90 s + 3 s).
        Assert.Equal([TimeSpan.FromSeconds(3600 + 360 + 93)], progress.Expected);
        valve.WakeUp();
        await running;
        Assert.Equal([TimeSpan.FromSeconds(3600 + 360 + 93), TimeSpan.FromSeconds(93)], progress.Expected);
        Assert.Equal(18, valve.Setpoint);
    }

    [Fact]
    public async Task A_sleeping_node_that_misses_its_wake_up_by_more_than_the_margin_fails_the_command_which_is_not_sent_later()
    {
        var network = new Network();
        var valve = new SimulatedThermostat(10, sleeping: true);
        network.Extra.Add(valve);
        await using var harness = await RadioHarness.StartAsync(network, configure: o =>
        {
            o.PollIntervalSeconds = 0;
            o.WakeUpIntervalSeconds = 1;
            o.WakeUpGraceSeconds = 0.5;
        });
        await Wait.UntilAsync(() => harness.Radio.Nodes.TryGetValue(10, out var n) && n.WakeUpIntervalSeconds == 1, "the wake-up interval was set at the interview");
        await harness.WaitForAsync(seen => HasState(seen, "10", CoreStateNames.BatteryLevel, _ => true), "the valve was read at the end of its interview");
        valve.Asleep = true;

        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "10", "setTargetTemperature", Number(16)));

        Assert.Equal(FailureType.ActuatorNoAnswer, failure.FailureType);
        Assert.Contains("did not wake up", failure.Message);
        Assert.Equal(0, harness.Radio.QueuedForWakeUp);
        valve.WakeUp();
        await Wait.UntilAsync(() => valve.Asleep, "the node was sent back to sleep");
        Assert.Equal(20, valve.Setpoint);
        Assert.Equal(1L, harness.Radio.GetDiagnostics().Counters["missedWakeUps"]);
    }

    [Fact]
    public async Task A_repeated_wake_up_notification_does_not_send_the_node_back_to_sleep_before_its_queued_command_ran()
    {
        var network = new Network();
        var valve = new SimulatedThermostat(10, sleeping: true);
        network.Extra.Add(valve);
        await using var harness = await StartAsync(network, ("10", ZWaveControllableNames.Thermostat));
        await ValveInterviewedAsync(harness);
        valve.Asleep = true;
        var running = ExecuteAsync(harness, "10", "setTargetTemperature", Number(17));
        await Wait.UntilAsync(() => harness.Radio.QueuedForWakeUp == 1, "the command waits for the wake-up");

        // The controller repeats a frame whose ACK came late: the host sees the notification twice.
        valve.WakeUp();
        valve.WakeUp();
        await running;

        Assert.Equal(17, valve.Setpoint);
        await Wait.UntilAsync(() => valve.Asleep, "the node was sent back to sleep");
        Assert.Single(harness.Simulator!.SendDataLog, s => s.NodeId == 10 && s.Payload.SequenceEqual(WakeUpCommandClass.NoMoreInformation()));
    }

    [Fact]
    public async Task A_wake_up_interval_changed_while_the_node_sleeps_is_sent_at_its_next_wake_up_and_the_latest_change_wins()
    {
        var network = new Network();
        var valve = new SimulatedThermostat(10, sleeping: true);
        network.Extra.Add(valve);
        await using var harness = await StartAsync(network, ("10", ZWaveControllableNames.Thermostat));
        await ValveInterviewedAsync(harness);
        valve.Asleep = true;

        Assert.Equal(new ZWaveWakeUpIntervalResult(3600, 900), await harness.Radio.ChangeWakeUpIntervalAsync(10, 900, CancellationToken.None));
        Assert.Equal(new ZWaveWakeUpIntervalResult(3600, 1800), await harness.Radio.ChangeWakeUpIntervalAsync(10, 1800, CancellationToken.None));
        Assert.Equal(new ZWaveWakeUpIntervalResult(3600, 1800), harness.Radio.GetWakeUpInterval(10));
        Assert.Equal(3600, valve.WakeUpIntervalSeconds);

        valve.WakeUp();
        await Wait.UntilAsync(() => valve.Asleep, "the node was sent back to sleep");

        Assert.Equal(1800, valve.WakeUpIntervalSeconds);
        Assert.Equal(new ZWaveWakeUpIntervalResult(1800, null), harness.Radio.GetWakeUpInterval(10));
        Assert.Equal(1800, harness.Radio.Nodes[10].WakeUpIntervalSeconds);
        Assert.Equal(2, harness.Simulator!.SendDataLog.Count(s => s.NodeId == 10 && s.Payload is [CommandClassId.WakeUp, WakeUpCommandClass.IntervalSetCommand, ..]));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Radio.ChangeWakeUpIntervalAsync(10, 0, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => harness.Radio.GetWakeUpInterval(2));
        Assert.Throws<ArgumentException>(() => harness.Radio.GetWakeUpInterval(99));
    }

    [Fact]
    public async Task A_queued_command_whose_execution_is_cancelled_is_not_sent_at_wake_up()
    {
        var network = new Network();
        var valve = new SimulatedThermostat(10, sleeping: true);
        network.Extra.Add(valve);
        await using var harness = await StartAsync(network, ("10", ZWaveControllableNames.Thermostat));
        await ValveInterviewedAsync(harness);
        valve.Asleep = true;
        using var cancel = new CancellationTokenSource();
        var running = harness.Radio.ExecuteAsync(new RadioCommand("10", "setTargetTemperature", [Number(16)]), new Progress(), cancel.Token);
        await Wait.UntilAsync(() => harness.Radio.QueuedForWakeUp == 1, "queued");

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        valve.WakeUp();
        await Wait.UntilAsync(() => valve.Asleep, "the node was sent back to sleep");

        Assert.Equal(20, valve.Setpoint);
    }

    [Fact]
    public async Task A_central_scene_press_becomes_the_scene_state_and_a_repeated_notification_is_ignored()
    {
        var network = new Network();
        var remote = new SimulatedSceneController(9);
        network.Extra.Add(remote);
        await using var harness = await StartAsync(network, ("9", ZWaveControllableNames.SceneController));

        remote.Press(2, repeat: true);
        remote.Press(2, CentralSceneCommandClass.KeyHeldDown);

        await harness.WaitForAsync(seen => HasState(seen, "9", ZWaveStateTranslator.CentralSceneState, v => v.GetString() == "2:held"), "the held key");
        Assert.Single(harness.Seen.OfType<StatesReported>(), r => r.Address == "9" && r.States.Any(s => s.Name == ZWaveStateTranslator.CentralSceneState && s.Value.GetString() == "2:pressed"));
    }

    [Fact]
    public async Task Configuration_parameters_are_written_and_read_back()
    {
        var network = new Network();
        var thermostat = new SimulatedThermostat(7);
        network.Extra.Add(thermostat);
        await using var harness = await StartAsync(network, ("7", ZWaveControllableNames.Thermostat));

        var written = await harness.Radio.SetParameterAsync(7, 3, 2, -300, CancellationToken.None);

        Assert.Equal(new ConfigurationReport(3, 2, -300), written.Value);
        Assert.Equal((2, -300L), thermostat.Parameters[3]);
        thermostat.Parameters[4] = (4, 100000);
        Assert.Equal(new ConfigurationReport(4, 4, 100000), (await harness.Radio.GetParameterAsync(7, 4, CancellationToken.None)).Value);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Radio.GetParameterAsync(3, 1, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Radio.GetParameterAsync(99, 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_parameter_written_to_or_read_from_a_sleeping_node_waits_for_its_wake_up()
    {
        var network = new Network();
        var valve = new SimulatedThermostat(10, sleeping: true);
        network.Extra.Add(valve);
        await using var harness = await StartAsync(network, ("10", ZWaveControllableNames.Thermostat));
        await ValveInterviewedAsync(harness);
        valve.Asleep = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Radio.GetParameterAsync(10, 2, CancellationToken.None));
        valve.Parameters[2] = (2, 600);
        var result = await harness.Radio.SetParameterAsync(10, 1, 1, 5, CancellationToken.None);

        Assert.True(result.Queued);
        Assert.False(valve.Parameters.ContainsKey(1));
        valve.WakeUp();
        await Wait.UntilAsync(() => valve.Asleep && valve.Parameters.ContainsKey(1), "the parameter was written at wake-up");
        Assert.Equal((1, 5L), valve.Parameters[1]);
        Assert.Equal(new ConfigurationReport(1, 1, 5), (await harness.Radio.GetParameterAsync(10, 1, CancellationToken.None)).Value);
        Assert.Equal(new ConfigurationReport(2, 2, 600), (await harness.Radio.GetParameterAsync(10, 2, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task A_meter_that_can_be_reset_is_reset_and_reports_zero_energy()
    {
        var network = new Network();
        await using var harness = await StartAsync(network, ("2", ZWaveControllableNames.OnOffSwitch), ("3", ZWaveControllableNames.DimmerLight));
        await Wait.UntilAsync(() => harness.Radio.Nodes.TryGetValue(2, out var n) && n.MeterResettable, "the meter said it can be reset");

        await ExecuteAsync(harness, "2", ZWaveCommandTranslator.ResetEnergyConsumption);

        Assert.Equal(0, network.Switch.KilowattHours);
        await harness.WaitForAsync(seen => HasState(seen, "2", CoreStateNames.ElectricEnergyConsumption, v => v.GetDouble() == 0), "the energy state");
        var refused = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "3", ZWaveCommandTranslator.ResetEnergyConsumption));
        Assert.Equal(FailureType.CommandUnknown, refused.FailureType);
    }

    [Fact]
    public async Task A_listening_node_that_reports_nothing_is_polled()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network, configure: o => o.PollIntervalSeconds = 0.5);
        await Wait.UntilAsync(() => harness.Radio.Nodes.Count == 5, "every node was interviewed");
        var gets = network.Dimmer.Received.Count(p => p.SequenceEqual(SwitchMultilevelCommandClass.Get()));

        await Wait.UntilAsync(() => network.Dimmer.Received.Count(p => p.SequenceEqual(SwitchMultilevelCommandClass.Get())) > gets, "the dimmer was asked for its level");

        Assert.True(harness.Radio.Polls > 0);
    }
}
