using System.Threading.Channels;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.History;
using Gateway.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.History;

/// <summary>
/// Keeps device faults and warnings in history. The bus thread only classifies and queues; one writer takes what has
/// queued up in batches (a burst becomes one transaction), and the same loop's neighbour prunes by age and count on
/// the <see cref="TimeProvider"/>.
/// </summary>
public sealed class DeviceEventRecorder : IEventSink, IAsyncDisposable
{
    private readonly IEventHistoryStore _store;
    private readonly EventHistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeviceEventRecorder> _logger;
    private readonly Channel<DeviceEvent> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private Task _writer = Task.CompletedTask;
    private Task _pruner = Task.CompletedTask;
    private long _dropped;
    private long _written;

    public DeviceEventRecorder(IEventHistoryStore store, EventHistoryOptions options, TimeProvider time, ILogger<DeviceEventRecorder> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<DeviceEvent>(new BoundedChannelOptions(Math.Max(1, options.DeviceEventQueueLimit))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Device events lost because the queue was full (the disk could not keep up).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Device events written to history since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        if (!DeviceEventClassifier.MayClassify(gatewayEvent)) return;
        var found = new List<DeviceEvent>(1);
        DeviceEventClassifier.Classify(gatewayEvent, _time.GetUtcNow().ToUnixTimeMilliseconds(), found);
        foreach (var each in found) _queue.Writer.TryWrite(each);
    }

    /// <summary>Prunes once now, then writes and prunes in the background until disposed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PruneOnceAsync(cancellationToken);
        // The timer exists before the loop runs: a tick that comes while the loop has not started yet or is still
        // pruning is kept, not lost.
        var timer = new PeriodicTimer(_options.DeviceEventPruneInterval, _time);
        _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        _pruner = Task.Run(() => PruneLoopAsync(timer), CancellationToken.None);
    }

    /// <summary>Writes what is still queued, then stops both loops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopping.CancelAsync();
        await _pruner.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<DeviceEvent>(_options.DeviceEventBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < Math.Max(1, _options.DeviceEventBatchSize) && reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await _store.AppendDeviceEventsAsync(batch, CancellationToken.None);
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (StorageUnavailableException ex)
            {
                _logger.LogError("{Count} device event(s) could not be written to history, storage is failing ({Cause})", batch.Count, ex.Message);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (Exception ex)
            {
                // The writer must outlive a bad batch, or every later device event would be dropped.
                _logger.LogError(ex, "{Count} device event(s) could not be written to history", batch.Count);
            }
            batch.Clear();
        }
    }

    private async Task PruneLoopAsync(PeriodicTimer timer)
    {
        using var _ = timer;
        var token = _stopping.Token;
        try
        {
            while (await timer.WaitForNextTickAsync(token)) await PruneOnceAsync(token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PruneOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var cutoff = _time.GetUtcNow().AddDays(-Math.Max(0, _options.DeviceEventDays)).ToUnixTimeMilliseconds();
            var pruned = await _store.PruneDeviceEventsAsync(_options.MaxDeviceEvents, cutoff, cancellationToken);
            if (pruned > 0)
                _logger.LogInformation("Pruned {Count} device event(s) from history (keeping {Max}, {Days} days)", pruned, _options.MaxDeviceEvents, _options.DeviceEventDays);
        }
        catch (StorageUnavailableException ex)
        {
            _logger.LogError("Device event pruning deferred, storage is failing ({Cause})", ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
