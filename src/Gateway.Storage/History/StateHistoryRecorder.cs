using System.Threading.Channels;
using Gateway.Core.Events;
using Gateway.Core.History;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage.History;

/// <summary>
/// Takes every historised state change off the event bus without holding the publisher up (a bounded queue; when it
/// is full, samples are dropped and counted, never the device's state) and commits them in batches: every
/// <see cref="StateHistoryOptions.CommitInterval"/> or every <see cref="StateHistoryOptions.CommitBatchSize"/> samples.
/// </summary>
public sealed class StateHistoryRecorder : IEventSink, IAsyncDisposable
{
    private readonly SqliteStateHistoryStore _store;
    private readonly StateHistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StateHistoryRecorder> _logger;
    private readonly Channel<StateHistorySample> _queue;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<StateHistorySample> _batch = [];
    private Task _loop = Task.CompletedTask;
    private long _dropped;
    private long _recorded;
    private long _lastStamp;

    public StateHistoryRecorder(SqliteStateHistoryStore store, StateHistoryOptions options, TimeProvider time, ILogger<StateHistoryRecorder> logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<StateHistorySample>(
            new BoundedChannelOptions(Math.Max(1, options.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Samples dropped because the queue was full (the disk could not keep up).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Samples committed so far.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    public void Start() => _loop = Task.Run(WriteLoopAsync);

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        if (gatewayEvent is not DeviceStateChangedEvent changed) return;
        foreach (var state in changed.DeviceStates)
            if (StateHistoryRules.SampleOf(changed.DeviceUrl, state, NextStamp()) is { } sample) _queue.Writer.TryWrite(sample);
    }

    /// <summary>
    /// The clock in milliseconds, but never the same stamp twice: samples are keyed by time, and changes reported
    /// within one millisecond must all be kept (a burst shifts the later ones by a millisecond each).
    /// </summary>
    private long NextStamp()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Interlocked.Read(ref _lastStamp);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastStamp, next, last) == last) return next;
        }
    }

    /// <summary>Commits everything queued so far (the roll-up calls this first, so an hour is complete when rolled up).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (await WriteBatchAsync(cancellationToken) > 0)
        {
        }
    }

    private async Task WriteLoopAsync()
    {
        var token = _stopping.Token;
        var failing = false;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(token)) return;
                if (_queue.Reader.Count < _options.CommitBatchSize)
                    await Task.Delay(_options.CommitInterval, _time, token);
                await WriteBatchAsync(token);
                if (failing) _logger.LogInformation("Writing state history works again");
                failing = false;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (!failing) _logger.LogError("Writing state history failed ({Cause}); retrying, samples beyond the queue's capacity are dropped", ex.Message);
                failing = true;
                await Task.Delay(TimeSpan.FromSeconds(5), _time, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Writes up to one batch; a failed batch is kept and written first next time.</summary>
    private async Task<int> WriteBatchAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            while (_batch.Count < _options.CommitBatchSize && _queue.Reader.TryRead(out var sample)) _batch.Add(sample);
            if (_batch.Count == 0) return 0;
            await _store.AppendAsync(_batch, cancellationToken);
            var written = _batch.Count;
            Interlocked.Add(ref _recorded, written);
            _batch.Clear();
            return written;
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Could not save the last state history samples at shutdown: {Cause}", ex.Message);
        }
    }
}
