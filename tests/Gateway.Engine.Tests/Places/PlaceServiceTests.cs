using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Engine.Places;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests.Places;

public class PlaceServiceTests
{
    private readonly EngineHarness _h = new();
    private readonly InMemoryPlaceStore _store = new();

    private async Task<PlaceService> LoadedAsync()
    {
        var places = new PlaceService(_store, _h.Registry, _h.Bus, EngineHarness.Identity, _h.Time, NullLogger<PlaceService>.Instance);
        await places.LoadAsync(CancellationToken.None);
        return places;
    }

    [Fact]
    public async Task The_first_load_stores_the_root_and_puts_devices_of_unknown_places_in_it()
    {
        _h.Registry.Relocate(EngineHarness.Url("1"), "a-place-that-was-never-stored");

        var places = await LoadedAsync();

        Assert.True(_store.Rows.ContainsKey(EngineHarness.Identity.RootPlaceOid));
        Assert.Equal(places.RootOid, _h.Registry.Find(EngineHarness.Url("1"))!.PlaceOid);
    }

    [Fact]
    public async Task Creating_moving_and_deleting_publish_the_place_events_and_survive_a_reload()
    {
        var places = await LoadedAsync();
        var floor = await places.CreateAsync(places.RootOid, "Ground floor", 1, null, CancellationToken.None);
        var room = await places.CreateAsync(places.RootOid, "Kitchen", 2, "m", CancellationToken.None);
        await places.MoveAsync(room, floor, CancellationToken.None);
        var spare = await places.CreateAsync(floor, "Spare", 2, null, CancellationToken.None);
        await places.DeleteAsync(spare, CancellationToken.None);

        Assert.Equal(3, _h.Sink.Of<PlaceCreatedEvent>().Count());
        Assert.Equal(floor, Assert.Single(_h.Sink.Of<PlaceUpdatedEvent>()).ParentPlaceOid);
        Assert.Equal(spare, Assert.Single(_h.Sink.Of<PlaceDeletedEvent>()).PlaceOid);
        var reloaded = await LoadedAsync();
        var kitchen = Assert.Single(Assert.Single(reloaded.Root().SubPlaces).SubPlaces);
        Assert.Equal(("Kitchen", 2, "m"), (kitchen.Label, kitchen.Type, kitchen.Metadata));
    }

    [Fact]
    public async Task A_room_holding_a_device_is_kept_until_the_device_moves_out()
    {
        var places = await LoadedAsync();
        var room = await places.CreateAsync(places.RootOid, "Kitchen", 2, null, CancellationToken.None);
        Assert.True(await places.RelocateDeviceAsync(EngineHarness.Url("2"), room, CancellationToken.None));

        await Assert.ThrowsAsync<OverkizException>(() => places.DeleteAsync(room, CancellationToken.None));
        Assert.Equal(room, Assert.Single(_h.Sink.Of<DeviceUpdatedEvent>()).PlaceOid);
        await places.RelocateDeviceAsync(EngineHarness.Url("2"), places.RootOid, CancellationToken.None);
        await places.DeleteAsync(room, CancellationToken.None);

        Assert.False(places.Exists(room));
    }

    [Fact]
    public async Task Relocating_to_an_unknown_place_changes_nothing()
    {
        var places = await LoadedAsync();

        var error = await Assert.ThrowsAsync<OverkizException>(() => places.RelocateDeviceAsync(EngineHarness.Url("3"), "nowhere", CancellationToken.None));

        Assert.Equal("Unknown object.", error.Error.Error);
        Assert.Equal(places.RootOid, _h.Registry.Find(EngineHarness.Url("3"))!.PlaceOid);
        Assert.Empty(_h.Sink.Of<DeviceUpdatedEvent>());
    }

    [Fact]
    public async Task A_change_the_store_cannot_save_is_undone_and_announced_to_nobody()
    {
        var places = await LoadedAsync();
        var room = await places.CreateAsync(places.RootOid, "Kitchen", 2, null, CancellationToken.None);
        _store.Failing = true;

        await Assert.ThrowsAsync<IOException>(() => places.UpdateAsync(room, "Dining room", 2, null, CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(() => places.CreateAsync(places.RootOid, "Attic", 2, null, CancellationToken.None));

        Assert.Equal("Kitchen", places.Get(room).Label);
        Assert.Single(places.Root().SubPlaces);
        Assert.Empty(_h.Sink.Of<PlaceUpdatedEvent>());
    }
}
