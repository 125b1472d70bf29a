using System.Threading.Channels;
using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Engine.Devices;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

/// <summary>Removing a device: the registry, the store, the events, and the radio told through <see cref="IRadioDeviceRemoval"/>.</summary>
public class DeviceRemovalTests
{
    [Fact]
    public async Task A_removed_device_leaves_the_registry_and_the_store_with_one_device_removed_event()
    {
        var h = new EngineHarness();
        var url = EngineHarness.Url("1");
        var removal = new DeviceRemoval(h.Registry, new RadioDirectory([h.Radio]), h.Bus, EngineHarness.Identity, h.Time, NullLogger<DeviceRemoval>.Instance);

        Assert.True(await removal.RemoveAsync(url, forced: false, default));

        Assert.Null(h.Registry.Find(url));
        Assert.False(h.Devices.Saved.ContainsKey(url));
        var removed = Assert.Single(h.Sink.Of<DeviceRemovedEvent>());
        Assert.Equal(url, removed.DeviceUrl);
        Assert.Equal(EngineHarness.Identity.SetupOid, removed.SetupOid);
        Assert.False(await removal.RemoveAsync(url, forced: false, default));
        Assert.False(await removal.RemoveAsync("test://1234-5678-9012/no-such", forced: false, default));
        Assert.Single(h.Sink.Of<DeviceRemovedEvent>());
    }

    [Fact]
    public void A_device_the_radio_reports_removed_goes_once_and_states_for_it_afterwards_are_rejected()
    {
        var h = new EngineHarness();
        var url = EngineHarness.Url("2");
        h.Registry.Apply(ScriptedRadio.Name, new DeviceRemovedReported("2"));
        h.Registry.Apply(ScriptedRadio.Name, new DeviceRemovedReported("2"));
        var rejected = h.Registry.RejectedReports;
        h.Registry.Apply(ScriptedRadio.Name, new StatesReported("2", [Core.Model.DeviceState.Of("core:ClosureState", 3)]));

        Assert.Null(h.Registry.Find(url));
        Assert.Single(h.Sink.Of<DeviceRemovedEvent>());
        Assert.Equal(rejected + 1, h.Registry.RejectedReports);
    }

    [Fact]
    public async Task A_radio_that_wants_to_know_is_told_and_one_that_fails_keeps_the_device_unless_forced()
    {
        var h = new EngineHarness();
        var radio = new RemovingRadio();
        var removal = new DeviceRemoval(h.Registry, new RadioDirectory([radio]), h.Bus, EngineHarness.Identity, h.Time, NullLogger<DeviceRemoval>.Instance);

        Assert.True(await removal.RemoveAsync(EngineHarness.Url("1"), forced: false, default));
        Assert.Equal(["1"], radio.Removed);

        radio.Fail = true;
        var failed = await Assert.ThrowsAsync<RadioCommandException>(() => removal.RemoveAsync(EngineHarness.Url("2"), forced: false, default));
        Assert.Equal(FailureType.NonExecuting, failed.FailureType);
        Assert.NotNull(h.Registry.Find(EngineHarness.Url("2")));
        Assert.Equal(EngineHarness.Url("2"), Assert.Single(h.Sink.Of<DeviceDeletionFailedEvent>()).DeviceUrl);

        Assert.True(await removal.RemoveAsync(EngineHarness.Url("2"), forced: true, default));
        Assert.Null(h.Registry.Find(EngineHarness.Url("2")));
    }

    [Fact]
    public void Network_operations_of_a_radio_become_events_named_per_protocol()
    {
        var h = new EngineHarness();
        h.Registry.Apply("zigbee", new NetworkOperationReported(IRadioNetworkManagement.CreateNetwork, true));
        h.Registry.Apply("zigbee", new NetworkOperationReported(IRadioNetworkManagement.LeaveNetwork, false));

        var events = h.Sink.Of<RadioNetworkEvent>().ToList();
        Assert.Equal(["ZigbeeCreateNetworkCompletedEvent", "ZigbeeLeaveNetworkFailedEvent"], events.Select(e => e.Name));
        Assert.Null(events[0].FailureType);
        Assert.Equal("NON_EXECUTING", events[1].FailureType);
        var json = System.Text.Encoding.UTF8.GetString(Core.Json.EventJson.Serialize(events[0]));
        Assert.DoesNotContain("failureType", json);
        Assert.Contains("\"gatewayId\":\"1234-5678-9012\"", json);
    }

    /// <summary>The scripted radio's protocol, with removal; it knows devices "1" and "2" from the harness.</summary>
    private sealed class RemovingRadio : IRadio, IRadioDeviceRemoval
    {
        public List<string> Removed { get; } = [];
        public bool Fail { get; set; }
        public string Protocol => ScriptedRadio.Name;
        public ChannelReader<DeviceReport> Reports => Channel.CreateUnbounded<DeviceReport>().Reader;

        public Task RemoveDeviceAsync(string address, CancellationToken cancellationToken)
        {
            if (Fail) throw new InvalidOperationException("the dongle is gone");
            Removed.Add(address);
            return Task.CompletedTask;
        }

        public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopPairingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public RadioDiagnostics GetDiagnostics() => new(Protocol, true, false, new Dictionary<string, long>());
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
