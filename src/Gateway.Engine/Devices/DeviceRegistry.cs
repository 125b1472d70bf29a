using Gateway.Core.Catalog;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Devices;

/// <summary>
/// The devices of the setup and their current states, in memory, persisted behind the scenes.
/// Every change becomes an event on the bus; readers get immutable snapshots.
/// </summary>
public sealed partial class DeviceRegistry(
    DeviceCatalog catalog,
    IDeviceStore store,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    ILogger<DeviceRegistry> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Device> _devices = new(StringComparer.Ordinal);
    private Device[]? _ordered;
    private long _version;
    private long _rejectedReports;

    /// <summary>Grows by one on every change; lets readers cache what they derive from the devices.</summary>
    public long Version => Interlocked.Read(ref _version);

    public long RejectedReports => Interlocked.Read(ref _rejectedReports);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAllAsync(cancellationToken);
        lock (_gate)
        {
            foreach (var device in stored)
            {
                var kind = catalog.Find(device.ControllableName);
                if (kind is null)
                {
                    logger.LogWarning("Stored device {DeviceUrl} has kind {Kind} which the catalog no longer knows; kept as is", device.DeviceUrl, device.ControllableName);
                    _devices[device.DeviceUrl] = device;
                    continue;
                }
                _devices[device.DeviceUrl] = device with { Definition = kind.Definition, Type = kind.ProductType };
            }
            Changed();
        }
        logger.LogInformation("Loaded {Count} devices from storage", stored.Count);
    }

    public IReadOnlyList<Device> All()
    {
        lock (_gate) return _ordered ??= _devices.Values.OrderBy(d => d.CreationTime).ThenBy(d => d.DeviceUrl, StringComparer.Ordinal).ToArray();
    }

    public Device? Find(string deviceUrl)
    {
        lock (_gate) return _devices.GetValueOrDefault(deviceUrl);
    }

    public IReadOnlyList<string> UrlsWithControllable(string controllableName) =>
        All().Where(d => d.ControllableName == controllableName).Select(d => d.DeviceUrl).ToList();

    public string UrlOf(string protocol, string address) => $"{protocol}://{identity.GatewayId}/{address}";

    /// <summary>The devices of one protocol, as its radio needs them at start-up.</summary>
    public RadioStartContext StartContextFor(string protocol)
    {
        var prefix = protocol + "://";
        var known = All()
            .Where(d => d.DeviceUrl.StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => new KnownDevice(AddressOf(d.DeviceUrl), d.ControllableName, d.Attributes) { States = d.States })
            .ToList();
        return new RadioStartContext(known);
    }

    public void Apply(string protocol, DeviceReport report)
    {
        if (report is PairingModeReported pairing)
        {
            bus.Publish(new PairingModeEvent(Now(), identity.GatewayId, protocol, pairing.Active, pairing.TimedOut));
            return;
        }
        if (report is NetworkOperationReported { ExecId: { } execId } ended)
        {
            bus.Publish(OperationEnded(execId, ended.Owner ?? "local", ended.Succeeded));
            return;
        }
        if (report is NetworkOperationReported operation)
        {
            bus.Publish(new RadioNetworkEvent(Now(), identity.GatewayId, protocol, operation.Operation,
                operation.Succeeded ? null : Gateway.Core.Executions.FailureType.NonExecuting.Name));
            return;
        }
        if (report is RadioNoticeReported notice)
        {
            bus.Publish(new RadioNoticeEvent(Now(), identity.GatewayId, protocol, notice.Notice));
            return;
        }
        var url = UrlOf(protocol, report.Address);
        if (!DeviceUrl.TryParse(url, out _))
        {
            Reject("address {Address} from {Protocol} does not make a valid deviceURL", report.Address, protocol);
            return;
        }
        lock (_gate)
        {
            switch (report)
            {
                case DeviceDiscovered discovered: Discover(url, discovered); break;
                case StatesReported reported: UpdateStates(url, reported.States); break;
                case AvailabilityReported availability: UpdateAvailability(url, availability.Available); break;
                case DeviceRemovedReported: RemoveLocked(url); break;
                case LabelReported renamed: UpdateLabel(url, renamed.Label); break;
            }
        }
    }

    /// <summary>
    /// Takes the device out of the setup and the database and announces it (DeviceRemovedEvent); null when there is
    /// no such device (already removed).
    /// </summary>
    public Device? Remove(string deviceUrl)
    {
        lock (_gate) return RemoveLocked(deviceUrl);
    }

    private Device? RemoveLocked(string url)
    {
        if (!_devices.Remove(url, out var device)) return null;
        store.Delete(url);
        Changed();
        bus.Publish(new DeviceRemovedEvent(Now(), identity.SetupOid, url, device.ControllableName));
        logger.LogInformation("Device {DeviceUrl} ({Kind}) removed", url, device.ControllableName);
        return device;
    }

    private void Discover(string url, DeviceDiscovered discovered)
    {
        var kind = catalog.Find(discovered.ControllableName);
        if (kind is null)
        {
            Reject("device {DeviceUrl} has kind {Kind} which is not in the catalog", url, discovered.ControllableName);
            return;
        }
        var now = Now();
        if (_devices.TryGetValue(url, out var known))
        {
            // A device seen again after a restart keeps its identity, label and last known states; what the
            // radio announces at discovery only fills states we have never had. Fresh readings come as reports.
            var missing = discovered.States.Where(s => known.FindState(s.Name) is null).ToList();
            Store(known with
            {
                Definition = kind.Definition,
                Type = kind.ProductType,
                Attributes = discovered.Attributes,
                States = [.. known.States, .. missing],
            });
            return;
        }
        var device = new Device
        {
            Oid = Guid.NewGuid().ToString(),
            DeviceUrl = url,
            Label = discovered.Label,
            ControllableName = kind.ControllableName,
            Definition = kind.Definition,
            States = discovered.States,
            Attributes = discovered.Attributes,
            Available = true,
            PlaceOid = identity.RootPlaceOid,
            Type = kind.ProductType,
            SubsystemId = DeviceUrl.Parse(url).SubsystemId ?? 0,
            CreationTime = now,
            LastUpdateTime = now,
        };
        Store(device, new DeviceCreatedEvent(now, identity.SetupOid, url, kind.ControllableName, discovered.Label, identity.RootPlaceOid, discovered.Attributes));
        logger.LogInformation("New device {DeviceUrl} ({Kind}) {Label}", url, kind.ControllableName, discovered.Label);
    }

    /// <summary>
    /// States a device reported again with the value they already had. They change nothing and raise no event; the
    /// discrete triggers that run on every report of a value (executeAlways) follow them here.
    /// </summary>
    public event Action<string, IReadOnlyList<DeviceState>>? RepeatedStates;

    private void UpdateStates(string url, IReadOnlyList<DeviceState> reported)
    {
        if (!_devices.TryGetValue(url, out var device))
        {
            Reject("states for unknown device {DeviceUrl}", url, "");
            return;
        }
        var states = device.States.ToList();
        var changed = new List<DeviceState>();
        List<DeviceState>? repeated = null;
        foreach (var state in reported)
        {
            var index = states.FindIndex(s => s.Name == state.Name);
            if (index >= 0 && states[index].ValueEquals(state))
            {
                if (RepeatedStates is not null) (repeated ??= []).Add(state);
                continue;
            }
            if (index >= 0) states[index] = state;
            else states.Add(state);
            changed.Add(state);
        }
        if (repeated is not null) RepeatedStates?.Invoke(url, repeated);
        if (changed.Count == 0) return;
        Store(device with { States = states, LastUpdateTime = Now() }, new DeviceStateChangedEvent(url, changed));
    }

    /// <summary>The end of a radio operation the API answered with an execId, as that execution's last state change.</summary>
    private ExecutionStateChangedEvent OperationEnded(string execId, string owner, bool succeeded)
    {
        var failure = succeeded ? Gateway.Core.Executions.FailureType.NoFailure : Gateway.Core.Executions.FailureType.NonExecuting;
        return new ExecutionStateChangedEvent(Now(), identity.SetupOid, execId, owner, Gateway.Core.Executions.ExecutionState.InProgress,
            succeeded ? Gateway.Core.Executions.ExecutionState.Completed : Gateway.Core.Executions.ExecutionState.Failed,
            TimeToNextState: -1, failure.Name, failure.Code, FailedCommands: null);
    }

    private void UpdateLabel(string url, string label)
    {
        if (!_devices.TryGetValue(url, out var device) || device.Label == label) return;
        var now = Now();
        Store(device with { Label = label, LastUpdateTime = now },
            new DeviceUpdatedEvent(now, identity.SetupOid, url, device.ControllableName, label, device.PlaceOid));
    }

    private void UpdateAvailability(string url, bool available)
    {
        if (!_devices.TryGetValue(url, out var device) || device.Available == available) return;
        Store(device with { Available = available, LastUpdateTime = Now() }, new DeviceAvailabilityEvent(Now(), identity.SetupOid, url, available));
        UpdateStates(url, [DeviceState.Of("core:StatusState", available ? "available" : "unavailable")]);
    }

    /// <summary>
    /// The event is published before the device is queued for writing: the cloud outbox stages its message on the
    /// publish, so the write that stores the change carries the message reporting it.
    /// </summary>
    private void Store(Device device, GatewayEvent? report = null)
    {
        _devices[device.DeviceUrl] = device;
        Changed();
        if (report is not null) bus.Publish(report);
        store.Save(device);
    }

    private void Changed()
    {
        _ordered = null;
        Interlocked.Increment(ref _version);
    }

    private void Reject(string message, string first, string second)
    {
        Interlocked.Increment(ref _rejectedReports);
        logger.LogWarning("Device report rejected: " + message, first, second);
    }

    private static string AddressOf(string deviceUrl)
    {
        var url = DeviceUrl.Parse(deviceUrl);
        return url.SubsystemId is { } sub ? $"{url.Address}#{sub}" : url.Address;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
