using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Automation;
using Gateway.Engine.Calendars;
using Gateway.Engine.Devices;
using Gateway.Engine.Executions;
using Gateway.Engine.Listeners;
using Gateway.Engine.Location;
using Gateway.Engine.Radios;
using Gateway.Engine.Scheduling;
using Gateway.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Hosting;

/// <summary>Brings the gateway up in order (storage, devices, radios, then "ready") and down in reverse.</summary>
public sealed class GatewayLifecycle(
    DeviceRegistry registry,
    Gateway.Engine.Places.PlaceService places,
    Gateway.Engine.Setup.SetupMetadata setupMetadata,
    RadioHost radios,
    ExecutionEngine engine,
    StorageMaintenance storage,
    SqliteDeviceStore deviceStore,
    SqliteDatabase database,
    EventListenerRegistry listeners,
    ActionGroupService actionGroups,
    ExecutionScheduler scheduler,
    LocationService location,
    CalendarService calendars,
    CalendarRunner calendarRunner,
    AutomationRuntime automation,
    Gateway.Engine.Licensing.LicenceService licence,
    IEventBus bus,
    SetupIdentity identity,
    SystemdNotifier systemd,
    TimeProvider time,
    ILogger<GatewayLifecycle> logger) : IHostedLifecycleService
{
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();
    private IDisposable? _listenerSubscription;
    private ITimer? _watchdog;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await storage.StartAsync(cancellationToken);
        await registry.LoadAsync(cancellationToken);
        await places.LoadAsync(cancellationToken);
        await setupMetadata.LoadAsync(cancellationToken);
        await actionGroups.LoadAsync(cancellationToken);
        await location.LoadAsync(cancellationToken);
        await calendars.LoadAsync(cancellationToken);
        await automation.LoadAsync(cancellationToken);
        await licence.LoadAsync(cancellationToken);
        _listenerSubscription = bus.Subscribe(listeners);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Publish(new GatewaySynchronizationEvent(Now(), identity.GatewayId, Started: true));
        await radios.StartAsync(cancellationToken);
        await scheduler.StartAsync(cancellationToken);
        await calendarRunner.StartAsync(cancellationToken);
        await automation.StartAsync(cancellationToken);
        bus.Publish(new GatewaySynchronizationEvent(Now(), identity.GatewayId, Started: false));
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        systemd.Notify("READY=1");
        if (systemd.WatchdogInterval is { } interval)
            _watchdog = time.CreateTimer(_ => systemd.Notify("WATCHDOG=1"), null, interval / 2, interval / 2);
        logger.LogInformation("gatewayd {GatewayId} ready in {Elapsed} ms", identity.GatewayId,
            (long)System.Diagnostics.Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        systemd.Notify("STOPPING=1");
        _watchdog?.Dispose();
        scheduler.Dispose();
        calendarRunner.Dispose();
        await automation.StopAsync(cancellationToken);
        await engine.StopAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await radios.StopAsync(cancellationToken);
        _listenerSubscription?.Dispose();
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        await storage.DisposeAsync();
        await deviceStore.DisposeAsync();
        await database.DisposeAsync();
        logger.LogInformation("gatewayd stopped");
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
