using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Engine.Tests;

public class DeviceRegistryTests
{
    [Fact]
    public void Only_changed_states_are_published()
    {
        var h = new EngineHarness();
        var url = EngineHarness.Url("1");
        h.Registry.Apply(ScriptedRadio.Name, new StatesReported("1", [DeviceState.Of("core:ClosureState", 0), DeviceState.Of("core:MovingState", true)]));

        var change = Assert.Single(h.Sink.Of<DeviceStateChangedEvent>());
        Assert.Equal(url, change.DeviceUrl);
        Assert.Equal("core:MovingState", Assert.Single(change.DeviceStates).Name);
        Assert.True(h.Registry.Find(url)!.FindState("core:MovingState")!.Value.GetBoolean());
        Assert.True(h.Devices.Saved[url].FindState("core:MovingState")!.Value.GetBoolean());
    }

    [Fact]
    public void Kinds_missing_from_the_catalog_are_rejected_and_counted()
    {
        var h = new EngineHarness();
        h.Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered("9", "io:NoSuchThing", "?", [], []));
        h.Registry.Apply(ScriptedRadio.Name, new StatesReported("unknown", [DeviceState.Of("core:ClosureState", 1)]));
        h.Registry.Apply(ScriptedRadio.Name, new DeviceDiscovered("bad address!", "io:RollerShutterGenericIOComponent", "?", [], []));

        Assert.Null(h.Registry.Find(EngineHarness.Url("9")));
        Assert.Equal(3, h.Registry.RejectedReports);
        Assert.Equal(3, h.Registry.All().Count);
    }

    [Fact]
    public void Availability_changes_are_events_and_update_the_status_state()
    {
        var h = new EngineHarness();
        h.Registry.Apply(ScriptedRadio.Name, new AvailabilityReported("2", false));
        h.Registry.Apply(ScriptedRadio.Name, new AvailabilityReported("2", false));

        var unavailable = Assert.Single(h.Sink.Of<DeviceAvailabilityEvent>());
        Assert.Equal("DeviceUnavailableEvent", unavailable.Name);
        var device = h.Registry.Find(EngineHarness.Url("2"))!;
        Assert.False(device.Available);
        Assert.Equal("unavailable", device.FindState("core:StatusState")!.Value.GetString());
    }

    [Fact]
    public async Task A_device_seen_again_after_restart_keeps_identity_and_label()
    {
        var first = new EngineHarness();
        var before = first.Registry.Find(EngineHarness.Url("1"))!;

        var second = new InMemoryDeviceStore();
        foreach (var saved in first.Devices.Saved.Values) second.Save(saved with { Label = "Renamed" });
        var registry = new Devices.DeviceRegistry(Core.Catalog.DeviceCatalog.LoadEmbedded(), second, first.Bus, EngineHarness.Identity, first.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Devices.DeviceRegistry>.Instance);
        await registry.LoadAsync(default);
        registry.Apply(ScriptedRadio.Name, new DeviceDiscovered("1", "io:RollerShutterGenericIOComponent", "Shutter 1", [], []));

        var after = registry.Find(EngineHarness.Url("1"))!;
        Assert.Equal(before.Oid, after.Oid);
        Assert.Equal("Renamed", after.Label);
        Assert.NotEmpty(after.Definition.Commands);
    }
}
