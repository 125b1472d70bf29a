using Gateway.Core.Events;
using Gateway.Engine.History;
using Microsoft.Extensions.Hosting;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Puts the device event recorder on the bus once storage is open and takes it off after everything else stopped,
/// writing what is still queued before the database closes (registered after <see cref="GatewayLifecycle"/>).
/// </summary>
public sealed class EventHistoryRecording(DeviceEventRecorder recorder, IEventBus bus) : IHostedLifecycleService
{
    private IDisposable? _subscription;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await recorder.StartAsync(cancellationToken);
        _subscription = bus.Subscribe(recorder);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await recorder.DisposeAsync();
    }
}
