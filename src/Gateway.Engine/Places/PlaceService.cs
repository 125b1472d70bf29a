using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Engine.Devices;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Places;

/// <summary>
/// The home's places (rooms, floors) as a tree under the root place, stored one row per place, each change
/// announced on the bus. Also where devices are moved between places, so a place cannot be deleted while a device
/// is being moved into it.
/// </summary>
public sealed class PlaceService(IPlaceStore store, DeviceRegistry registry, IEventBus bus, SetupIdentity identity, TimeProvider time, ILogger<PlaceService> logger)
{
    private const string RootLabel = "My home";
    /// <summary>One change at a time, held across its write to disk.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);
    /// <summary>Guards the tree itself, briefly, for readers and the writer's in-memory steps.</summary>
    private readonly Lock _treeLock = new();
    private PlaceTree _tree = new(new PlaceRecord(identity.RootPlaceOid, null, RootLabel, 0, null, identity.CreationTime, identity.CreationTime), []);
    private long _version;

    /// <summary>Grows by one on every change; lets readers cache what they derive from the tree.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Loads the stored tree (creating the root row on first start) and puts every device in a place that exists.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAllAsync(cancellationToken);
        var root = stored.FirstOrDefault(p => p.Oid == identity.RootPlaceOid)
                   ?? new PlaceRecord(identity.RootPlaceOid, null, RootLabel, 0, null, identity.CreationTime, identity.CreationTime);
        if (root.ParentOid is not null) root = root with { ParentOid = null };
        var tree = new PlaceTree(root, stored);
        if (!stored.Any(p => p.Oid == root.Oid && p.ParentOid is null)) await store.SaveAsync(root, cancellationToken);
        foreach (var repaired in tree.Repaired)
        {
            logger.LogWarning("Place {PlaceOid} ({Label}) had no existing parent; now under the root place", repaired.Oid, repaired.Label);
            await store.SaveAsync(repaired, cancellationToken);
        }
        lock (_treeLock) _tree = tree;
        Changed();
        foreach (var device in registry.All().Where(d => !tree.Contains(d.PlaceOid)))
        {
            logger.LogInformation("Device {DeviceUrl} was in unknown place {PlaceOid}; now in the root place", device.DeviceUrl, device.PlaceOid);
            registry.Relocate(device.DeviceUrl, tree.RootOid);
        }
        logger.LogInformation("Loaded {Count} places", tree.Count);
    }

    public string RootOid => identity.RootPlaceOid;

    public Place Root() => Read(tree => tree.Build(tree.RootOid));

    public Place Get(string oid) => Read(tree => tree.Build(oid));

    public bool Exists(string oid) => Read(tree => tree.Contains(oid));

    public int Count => Read(tree => tree.Count);

    public Task<string> CreateAsync(string parentOid, string label, int type, string? metadata, CancellationToken cancellationToken) =>
        ChangeAsync(async tree =>
        {
            var place = Locked(() => tree.Add(Guid.NewGuid().ToString(), parentOid, label, type, metadata, Now()));
            await SaveOrUndoAsync(place, () => tree.Delete(place.Oid, holdsDevices: false), cancellationToken);
            bus.Publish(new PlaceCreatedEvent(place.CreationTime, identity.SetupOid, place.Oid, place.ParentOid, place.Type, place.Label, place.Metadata));
            return place.Oid;
        }, cancellationToken);

    public Task UpdateAsync(string oid, string label, int type, string? metadata, CancellationToken cancellationToken) =>
        ChangeAsync(async tree =>
        {
            var before = Locked(() => tree.Get(oid));
            var place = Locked(() => tree.Update(oid, label, type, metadata, Now()));
            await SaveOrUndoAsync(place, () => tree.Update(oid, before.Label, before.Type, before.Metadata, before.LastUpdateTime), cancellationToken);
            Updated(place);
            return oid;
        }, cancellationToken);

    public Task MoveAsync(string oid, string newParentOid, CancellationToken cancellationToken) =>
        ChangeAsync(async tree =>
        {
            var before = Locked(() => tree.Get(oid));
            var place = Locked(() => tree.Move(oid, newParentOid, Now()));
            await SaveOrUndoAsync(place, () => tree.Move(oid, before.ParentOid!, before.LastUpdateTime), cancellationToken);
            Updated(place);
            return oid;
        }, cancellationToken);

    public Task DeleteAsync(string oid, CancellationToken cancellationToken) =>
        ChangeAsync(async tree =>
        {
            var holdsDevices = registry.All().Any(d => d.PlaceOid == oid);
            var place = Locked(() => tree.Delete(oid, holdsDevices));
            try
            {
                await store.DeleteAsync(oid, cancellationToken);
            }
            catch
            {
                Locked(() => tree.Add(place.Oid, place.ParentOid!, place.Label, place.Type, place.Metadata, place.CreationTime));
                throw;
            }
            bus.Publish(new PlaceDeletedEvent(Now(), identity.SetupOid, oid));
            return oid;
        }, cancellationToken);

    /// <summary>Moves a device into an existing place (DeviceUpdatedEvent); false when there is no such device.</summary>
    public async Task<bool> RelocateDeviceAsync(string deviceUrl, string placeOid, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Locked(() => _tree.Get(placeOid));
            return registry.Relocate(deviceUrl, placeOid);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Updated(PlaceRecord place) =>
        bus.Publish(new PlaceUpdatedEvent(place.LastUpdateTime, identity.SetupOid, place.Oid, place.ParentOid, place.Type, place.Label, place.Metadata));

    private async Task SaveOrUndoAsync(PlaceRecord place, Action undo, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(place, cancellationToken);
        }
        catch
        {
            lock (_treeLock) undo();
            throw;
        }
    }

    private async Task<string> ChangeAsync(Func<PlaceTree, Task<string>> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = await change(_tree);
            Changed();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private T Read<T>(Func<PlaceTree, T> read)
    {
        lock (_treeLock) return read(_tree);
    }

    private T Locked<T>(Func<T> step)
    {
        lock (_treeLock) return step();
    }

    private void Changed() => Interlocked.Increment(ref _version);

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Reads a place type from a body: a number, or a number in a string as the seed's example has it.</summary>
    public static int ParseType(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Number when value.TryGetInt32(out var n) && n >= 0 => n,
        System.Text.Json.JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.NumberStyles.None, null, out var n) => n,
        _ => throw new OverkizException(OverkizError.BadParameters("the place type is not a non-negative integer")),
    };
}
