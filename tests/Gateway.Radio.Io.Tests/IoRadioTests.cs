using System.Text.Json;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Io.Devices;
using Gateway.Radio.Io.Protocol;
using Gateway.Radio.Io.Simulator;

namespace Gateway.Radio.Io.Tests;

public class IoRadioTests
{
    private const string Shutter = "5928357"; // 0x5A75A5
    private const string Window = "3940130";  // 0x3C1F22

    [Fact]
    public async Task Nodes_of_the_interface_appear_as_devices_named_by_their_io_address()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        await Wait.UntilAsync(() => harness.Reports.OfType<DeviceDiscovered>().Count() == 2);
        var discovered = harness.Reports.OfType<DeviceDiscovered>().ToDictionary(d => d.Address);
        Assert.Equal(IoDeviceKind.RollerShutterGeneric, discovered[Shutter].ControllableName);
        Assert.Equal("Kitchen", discovered[Shutter].Label);
        Assert.Equal(IoDeviceKind.WindowOpenerVelux, discovered[Window].ControllableName);
        Assert.Equal("Velux", discovered[Window].Attributes.Single(a => a.Name == "core:Manufacturer").Value.GetString());
        Assert.Equal(0, discovered[Shutter].States.Single(s => s.Name == CoreStateNames.Closure).Value.GetInt32());
        Assert.Equal(1, harness.Simulator.Logins);
    }

    [Fact]
    public async Task SetClosure_moves_the_node_and_reports_its_position_while_it_moves()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        var progress = new RecordingProgress();

        await harness.Radio.ExecuteAsync(Command(Shutter, "setClosure", 80), progress, default);

        Assert.Equal(80, harness.Simulator.Node(0).Closure);
        Assert.Equal(["TRANSMITTED", "IN_PROGRESS"], progress.Steps);
        await Wait.UntilAsync(() => Closures().Contains(80));
        var closures = Closures();
        Assert.Contains(closures, c => c is > 0 and < 80);
        var last = harness.Reports.OfType<StatesReported>().Last(r => r.Address == Shutter && r.States.Any(s => s.Name == IoStates.Moving));
        Assert.False(last.States.Single(s => s.Name == IoStates.Moving).Value.GetBoolean());

        List<int> Closures() => [.. harness.Reports.OfType<StatesReported>().Where(r => r.Address == Shutter)
            .SelectMany(r => r.States).Where(s => s.Name == CoreStateNames.Closure).Select(s => s.Value.GetInt32())];
    }

    [Fact]
    public async Task My_sends_the_default_value_and_stop_the_current_one()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        harness.Simulator.Node(0).MyPosition = IoParameter.FromClosure(35);

        await harness.Radio.ExecuteAsync(Command(Shutter, "my"), new RecordingProgress(), default);
        Assert.Equal(35, harness.Simulator.Node(0).Closure);

        await harness.Radio.ExecuteAsync(Command(Shutter, "stop"), new RecordingProgress(), default);
        Assert.Equal(35, harness.Simulator.Node(0).Closure);
    }

    [Fact]
    public async Task An_obstacle_fails_the_command_as_blocked_by_hazard_where_the_node_stopped()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        harness.Simulator.Node(0).ObstacleAt = 30;

        var error = await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(Command(Shutter, "close"), new RecordingProgress(), default));

        Assert.Equal("WHILEEXEC_BLOCKED_BY_HAZARD", error.FailureType.Name);
        Assert.Equal(30, harness.Simulator.Node(0).Closure);
    }

    [Fact]
    public async Task A_refusal_by_a_rain_sensor_lock_becomes_its_priority_lock_failure()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        harness.Simulator.Node(1).NextRefusal = 0xE3;

        var error = await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(Command(Window, "open"), new RecordingProgress(), default));
        Assert.Equal("PRIORITY_LOCK__RAIN", error.FailureType.Name);
    }

    [Fact]
    public async Task A_lost_confirmation_is_sent_again_under_a_new_session()
    {
        await using var harness = await RadioHarness.StartAsync(o => o.RequestTimeoutSeconds = 1);
        await harness.ConnectedAsync();
        harness.Simulator.DropNextFrames(1);

        await harness.Radio.ExecuteAsync(Command(Shutter, "setClosure", 20), new RecordingProgress(), default);

        Assert.Equal(20, harness.Simulator.Node(0).Closure);
        Assert.Equal(1, harness.Radio.GetDiagnostics().Counters["retries"]);
        Assert.Equal(2, harness.Simulator.Commands);
    }

    [Fact]
    public async Task After_a_dropped_connection_the_radio_logs_in_again_and_drives_the_nodes()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();

        await harness.Simulator.DisconnectAllAsync();
        await Wait.UntilAsync(() => harness.Reports.OfType<AvailabilityReported>().Any(a => !a.Available));
        await Wait.UntilAsync(() => harness.Simulator.Logins == 2 && harness.Radio.Connected);
        await harness.Radio.ExecuteAsync(Command(Shutter, "close"), new RecordingProgress(), default);

        Assert.Equal(100, harness.Simulator.Node(0).Closure);
        Assert.Contains(harness.Reports.OfType<AvailabilityReported>(), a => a.Available && a.Address == Shutter);
    }

    [Fact]
    public async Task A_quiet_link_is_kept_alive_with_get_state()
    {
        await using var harness = await RadioHarness.StartAsync(o => o.KeepAliveSeconds = 0.2);
        await harness.ConnectedAsync();
        await Wait.UntilAsync(() => harness.Simulator.KeepAlives >= 2);
        Assert.Equal(1, harness.Simulator.ConnectionsAccepted);
    }

    [Fact]
    public async Task A_wrong_password_never_logs_in()
    {
        await using var harness = await RadioHarness.StartAsync(o => o.Password = "wrong");
        await Wait.UntilAsync(() => harness.Simulator.FailedLogins >= 1);
        Assert.False(harness.Radio.Connected);
        Assert.Empty(harness.Reports.OfType<DeviceDiscovered>());
    }

    [Fact]
    public async Task A_certificate_that_is_not_the_pinned_one_is_refused()
    {
        await using var harness = await RadioHarness.StartAsync(fingerprint: new string('A', 64));
        await Wait.UntilAsync(() => harness.Radio.GetDiagnostics().Counters["openFailures"] >= 1);
        Assert.Equal(0, harness.Simulator.Logins);
    }

    [Fact]
    public async Task Discovery_adds_the_new_node_and_removal_takes_it_off_the_interface()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        harness.Simulator.AddDiscoverable(SimulatedIoNode.Awning(5, 0x1B2C3D, "Terrace"));

        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.Zero, null), default);
        await Wait.UntilAsync(() => harness.Reports.OfType<NetworkOperationReported>().Any());

        Assert.True(harness.Reports.OfType<NetworkOperationReported>().Single().Succeeded);
        var awning = harness.Reports.OfType<DeviceDiscovered>().Single(d => d.Address == "1780797");
        Assert.Equal(IoDeviceKind.HorizontalAwning, awning.ControllableName);
        Assert.Contains(awning.States, s => s.Name == IoStates.Deployment && s.Value.GetInt32() == 100);

        await harness.Radio.RemoveDeviceAsync("1780797", default);
        Assert.DoesNotContain(harness.Simulator.Nodes, n => n.NodeId == 5);
        Assert.DoesNotContain(harness.Radio.Nodes, n => n.NodeId == 5);
    }

    [Fact]
    public async Task Position_limits_of_each_node_are_read_at_start_and_after_a_discovery()
    {
        await using var harness = await RadioHarness.StartAsync(before: simulator =>
        {
            simulator.Node(0).MinimumClosure = 10;
            simulator.Node(0).MaximumClosure = 85;
            simulator.Node(0).LimitationOriginator = 9;
        });
        await harness.ConnectedAsync();
        await Wait.UntilAsync(() => Limit(Window, IoLimits.MaximumClosureState) is not null);
        Assert.Equal(10, Limit(Shutter, IoLimits.MinimumClosureState));
        Assert.Equal(85, Limit(Shutter, IoLimits.MaximumClosureState));
        Assert.Equal("wind", States(Shutter).Single(s => s.Name == IoLimits.OriginatorState).Value.GetString());
        Assert.Equal(0, Limit(Window, IoLimits.MinimumClosureState));
        Assert.Equal(100, Limit(Window, IoLimits.MaximumClosureState));
        Assert.DoesNotContain(States(Window), s => s.Name == IoLimits.OriginatorState);

        var awning = SimulatedIoNode.Awning(5, 0x1B2C3D, "Terrace");
        awning.MaximumClosure = 60;
        harness.Simulator.AddDiscoverable(awning);
        await harness.Radio.StartPairingAsync(new PairingRequest(TimeSpan.Zero, null), default);
        await Wait.UntilAsync(() => Limit("1780797", IoLimits.MaximumClosureState) is not null);
        Assert.Equal(60, Limit("1780797", IoLimits.MaximumClosureState));

        IEnumerable<DeviceState> States(string address) => harness.Reports.OfType<StatesReported>().Where(r => r.Address == address).SelectMany(r => r.States);
        int? Limit(string address, string name) => States(address).LastOrDefault(s => s.Name == name)?.Value.GetInt32();
    }

    [Fact]
    public async Task A_travel_longer_than_the_command_timeout_is_announced_and_waited_for()
    {
        await using var harness = await RadioHarness.StartAsync(o => o.CommandTimeoutSeconds = 0.5);
        await harness.ConnectedAsync();
        harness.Simulator.Node(0).TravelTime = TimeSpan.FromSeconds(1.2);
        var progress = new RecordingProgress();

        await harness.Radio.ExecuteAsync(Command(Shutter, "close"), progress, default);

        Assert.Equal(100, harness.Simulator.Node(0).Closure);
        // The simulator announces the travel rounded up to whole seconds (2 s); the engine hears it with the margin.
        Assert.Equal(TimeSpan.FromSeconds(2) + IoCommandSession.FinishMargin, Assert.Single(progress.Expected));
    }

    [Fact]
    public async Task Identify_and_wink_reach_the_node_as_a_wink_session()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        var progress = new RecordingProgress();

        await harness.Radio.ExecuteAsync(Command(Shutter, "identify"), progress, default);
        Assert.Equal(1, harness.Simulator.Node(0).Winks);
        Assert.Equal(WinkSendRequest.ManufacturerTime, harness.Simulator.Node(0).LastWinkTime);
        Assert.Equal(["TRANSMITTED"], progress.Steps);

        await harness.Radio.ExecuteAsync(Command(Window, "wink", 7), new RecordingProgress(), default);
        Assert.Equal(1, harness.Simulator.Node(1).Winks);
        Assert.Equal((byte)7, harness.Simulator.Node(1).LastWinkTime);
        await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(Command(Window, "wink", 0), new RecordingProgress(), default));
        Assert.Equal(0, harness.Simulator.Commands);
    }

    [Fact]
    public async Task SetName_renames_the_node_on_the_interface_and_the_label_follows()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();

        await harness.Radio.ExecuteAsync(new RadioCommand(Shutter, "setName", [JsonSerializer.SerializeToElement("Bedroom")]), new RecordingProgress(), default);

        Assert.Equal("Bedroom", harness.Simulator.Node(0).Name);
        await Wait.UntilAsync(() => harness.Reports.OfType<LabelReported>().Any());
        Assert.Equal(new LabelReported(Shutter, "Bedroom"), harness.Reports.OfType<LabelReported>().Single());
        Assert.Contains(harness.Reports.OfType<StatesReported>(), r => r.Address == Shutter && r.States.Any(s => s.Name == IoStates.Name && s.Value.GetString() == "Bedroom"));
        Assert.Equal("Bedroom", harness.Radio.Nodes.Single(n => n.NodeId == 0).Information.Name);
    }

    [Fact]
    public async Task Unknown_commands_and_out_of_range_closures_fail_without_a_frame()
    {
        await using var harness = await RadioHarness.StartAsync();
        await harness.ConnectedAsync();
        var unknown = await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(Command(Shutter, "setOrientation", 3), new RecordingProgress(), default));
        Assert.Equal("CMDUNKNOWN", unknown.FailureType.Name);
        await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(Command(Shutter, "setClosure", 101), new RecordingProgress(), default));
        var missing = await Assert.ThrowsAsync<RadioCommandException>(() => harness.Radio.ExecuteAsync(Command("42", "open"), new RecordingProgress(), default));
        Assert.Equal("ACTUATORUNKNOWN", missing.FailureType.Name);
        Assert.Equal(0, harness.Simulator.Commands);
    }

    private static RadioCommand Command(string address, string name, params int[] parameters) =>
        new(address, name, [.. parameters.Select(p => JsonSerializer.SerializeToElement(p))]);
}
