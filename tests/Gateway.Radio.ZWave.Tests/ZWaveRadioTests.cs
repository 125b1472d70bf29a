using Gateway.Core.Model;
using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Simulator.Nodes;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>The radio against a simulated controller whose network already holds five nodes.</summary>
public class ZWaveRadioTests
{
    private sealed class Progress : IRadioCommandProgress
    {
        public int Transmitted, InProgress;
        void IRadioCommandProgress.Transmitted() => Transmitted++;
        void IRadioCommandProgress.InProgress() => InProgress++;
    }

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["2"] = ZWaveControllableNames.OnOffSwitch,
        ["3"] = ZWaveControllableNames.DimmerLight,
        ["4"] = ZWaveControllableNames.RollerShutter,
        ["5"] = ZWaveControllableNames.MultiSensor,
        ["6"] = ZWaveControllableNames.ContactSensor,
    };

    private static bool AllDiscovered(IReadOnlyList<DeviceReport> seen) =>
        Expected.All(e => seen.OfType<DeviceDiscovered>().Any(d => d.Address == e.Key && d.ControllableName == e.Value));

    private static JsonElement Number(double value) => JsonDocument.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement.Clone();

    private static Task ExecuteAsync(RadioHarness harness, string address, string name, params JsonElement[] parameters) =>
        harness.Radio.ExecuteAsync(new RadioCommand(address, name, parameters), new Progress(), CancellationToken.None);

    private static bool HasState(IReadOnlyList<DeviceReport> seen, string address, string state, Func<JsonElement, bool> value) =>
        seen.OfType<StatesReported>().Any(r => r.Address == address && r.States.Any(s => s.Name == state && value(s.Value)));

    [Fact]
    public async Task Nodes_already_in_the_network_are_interviewed_and_become_devices_of_their_kind()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network);
        await harness.WaitForAsync(AllDiscovered, "every node became a device");
        Assert.Equal(0xC0FFEE01u, harness.Radio.Controller!.HomeId);
        Assert.Equal(1, harness.Radio.Controller.OwnNodeId);
        var multisensor = harness.Radio.Nodes[5];
        Assert.False(multisensor.Listening);
        Assert.Equal((ushort)0x0086, multisensor.ManufacturerId);
        Assert.Equal("1.02", multisensor.ApplicationVersion);
        Assert.Contains(NotificationCommandClass.HomeSecurity, multisensor.NotificationTypes);
        await harness.WaitForAsync(seen => HasState(seen, "5", CoreStateNames.Temperature, v => v.GetDouble() == 20.5), "the multisensor's temperature was read");
    }

    [Fact]
    public async Task After_a_restart_stored_nodes_come_back_at_once_without_a_new_interview()
    {
        var network = new Network();
        var settings = new InMemoryRadioSettingsStore();
        await using (var first = await RadioHarness.StartAsync(network, settings))
        {
            await first.WaitForAsync(AllDiscovered, "every node became a device");
            await Wait.UntilAsync(() => first.Radio.Nodes.Count == 5, "all nodes stored");
        }
        var interviews = network.All.Sum(n => n.InterviewRequests);

        await using var second = await RadioHarness.StartAsync(network, settings, o => o.AckTimeoutMilliseconds = 200, startSilent: true);
        await second.WaitForAsync(AllDiscovered, "the stored devices came back while the controller did not answer");
        Assert.False(second.Radio.Ready);
        second.StartSilent = false;
        second.Simulator!.Silent = false;
        await Wait.UntilAsync(() => second.Radio.Ready && second.Simulator?.InitDataRequests == 1, "the controller was read again");
        await ExecuteAsync(second, "3", "setIntensity", Number(30));
        Assert.Equal(interviews, network.All.Sum(n => n.InterviewRequests));
    }

    [Fact]
    public async Task setIntensity_sends_a_multilevel_set_and_completes_when_the_dimmer_reports_the_level()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network);
        await harness.WaitForAsync(AllDiscovered, "every node became a device");
        var progress = new Progress();
        await harness.Radio.ExecuteAsync(new RadioCommand("3", "setIntensity", [Number(40)]), progress, CancellationToken.None);
        Assert.Equal(40, network.Dimmer.Level);
        Assert.Contains(harness.Simulator!.SendDataLog, s => s.NodeId == 3 && s.Payload.SequenceEqual(SwitchMultilevelCommandClass.Set(40)));
        Assert.Equal(1, progress.Transmitted);
        await harness.WaitForAsync(seen => HasState(seen, "3", CoreStateNames.LightIntensity, v => v.GetInt32() == 40), "the dimmer's level became a state");
    }

    [Fact]
    public async Task Shutter_switch_and_sensors_are_driven_and_report()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network);
        await harness.WaitForAsync(AllDiscovered, "every node became a device");

        await ExecuteAsync(harness, "4", "setClosure", Number(25));
        Assert.Equal(SwitchMultilevelCommandClass.LevelOf(75), network.Shutter.Level);
        await harness.WaitForAsync(seen => HasState(seen, "4", CoreStateNames.Closure, v => v.GetInt32() == 25), "closure 25");
        await ExecuteAsync(harness, "4", "close");
        await harness.WaitForAsync(seen => HasState(seen, "4", CoreStateNames.OpenClosed, v => v.GetString() == "closed"), "closed");
        await ExecuteAsync(harness, "4", "down");
        Assert.False(network.Shutter.Moving);
        await ExecuteAsync(harness, "4", "stop");
        Assert.Null(network.Shutter.Moving);

        await ExecuteAsync(harness, "2", "on");
        Assert.True(network.Switch.IsOn);

        network.Door.SetOpen(true);
        await harness.WaitForAsync(seen => HasState(seen, "6", CoreStateNames.Contact, v => v.GetString() == "open"), "door open");
        network.Multisensor.SetMotion(true);
        await harness.WaitForAsync(seen => HasState(seen, "5", CoreStateNames.Occupancy, v => v.GetString() == "personInside"), "motion");
        network.Multisensor.SetHumidity(61);
        await harness.WaitForAsync(seen => HasState(seen, "5", CoreStateNames.RelativeHumidity, v => v.GetDouble() == 61), "humidity");
        network.Multisensor.SetLux(340);
        await harness.WaitForAsync(seen => HasState(seen, "5", CoreStateNames.Luminance, v => v.GetDouble() == 340), "luminance");
    }

    [Fact]
    public async Task A_node_that_does_not_acknowledge_fails_the_command_with_no_answer()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network);
        await harness.WaitForAsync(AllDiscovered, "every node became a device");
        network.Switch.Reachable = false;
        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "2", "on"));
        Assert.Equal(FailureType.ActuatorNoAnswer, failure.FailureType);
        Assert.False(network.Switch.IsOn);
    }

    [Fact]
    public async Task A_send_data_callback_that_never_comes_is_aborted_and_fails_the_command_with_no_answer()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network, configure: o => o.SendDataCallbackTimeoutSeconds = 0.5);
        await harness.WaitForAsync(seen => AllDiscovered(seen) && HasState(seen, "2", CoreStateNames.OnOff, _ => true), "the switch was adopted and read");
        var controller = harness.Simulator!;
        controller.DropNextCallbacks(1, nodeId: 2);

        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "2", "on"));

        Assert.Equal(FailureType.ActuatorNoAnswer, failure.FailureType);
        Assert.Contains("aborted", failure.Message);
        await Wait.UntilAsync(() => controller.SendDataAborts == 1, "the controller was sent SendDataAbort");
        Assert.Equal(1, harness.Radio.GetDiagnostics().Counters["sendDataAborts"]);
        Assert.Equal(1, harness.Connections);
        // The controller takes the next frame: the switch goes off.
        await ExecuteAsync(harness, "2", "off");
        Assert.False(network.Switch.IsOn);
    }

    [Fact]
    public async Task A_controller_that_stops_answering_fails_the_command_and_is_reopened()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network, configure: o => o.AckTimeoutMilliseconds = 200);
        await harness.WaitForAsync(AllDiscovered, "every node became a device");
        var wedged = harness.Simulator!;
        wedged.Silent = true;
        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "2", "on"));
        Assert.Equal(FailureType.NonExecuting, failure.FailureType);
        await Wait.UntilAsync(() => harness.Connections == 2 && harness.Radio.Ready, "the link was reopened");
        await ExecuteAsync(harness, "2", "on");
        Assert.True(network.Switch.IsOn);
        Assert.Equal(1, harness.Radio.GetDiagnostics().Counters["unresponsiveRestarts"]);
    }

    [Fact]
    public async Task A_device_that_needs_security_is_refused_with_the_reason_and_not_created()
    {
        var network = new Network();
        network.Extra.Add(new SimulatedSecureLock(7));
        await using var harness = await RadioHarness.StartAsync(network);
        await harness.WaitForAsync(AllDiscovered, "every other node became a device");
        await Wait.UntilAsync(() => harness.Radio.Nodes.ContainsKey(7), "the lock was interviewed");
        Assert.Contains("Security", harness.Radio.Nodes[7].Refused);
        Assert.DoesNotContain(harness.Seen.OfType<DeviceDiscovered>(), d => d.Address == "7");
        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "7", "on"));
        Assert.Equal(FailureType.ActuatorUnknown, failure.FailureType);
    }

    [Fact]
    public async Task A_sleeping_node_is_interviewed_when_it_wakes_up_and_sent_back_to_sleep()
    {
        var network = new Network();
        network.Door.Asleep = true;
        await using var harness = await RadioHarness.StartAsync(network);
        await harness.WaitForAsync(seen => Expected.Where(e => e.Key != "6").All(e => seen.OfType<DeviceDiscovered>().Any(d => d.Address == e.Key)), "the awake nodes became devices");
        await Wait.UntilAsync(() => harness.Radio.AwaitingWakeUp.Contains((byte)6), "the door sensor waits for its wake-up");
        Assert.DoesNotContain(harness.Seen.OfType<DeviceDiscovered>(), d => d.Address == "6");

        network.Door.WakeUp();
        await harness.WaitForAsync(seen => seen.OfType<DeviceDiscovered>().Any(d => d.Address == "6" && d.ControllableName == ZWaveControllableNames.ContactSensor), "the door sensor became a device");
        await Wait.UntilAsync(() => network.Door.Asleep, "the door sensor was sent back to sleep");
        Assert.Empty(harness.Radio.AwaitingWakeUp);
    }

    [Fact]
    public async Task A_command_the_kind_does_not_have_is_refused()
    {
        var network = new Network();
        await using var harness = await RadioHarness.StartAsync(network);
        await harness.WaitForAsync(AllDiscovered, "every node became a device");
        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => ExecuteAsync(harness, "6", "on"));
        Assert.Equal(FailureType.CommandUnknown, failure.FailureType);
    }
}
