using System.Collections.Concurrent;
using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Nodes;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Sleeping nodes hear nothing until they wake up: what is meant for them waits in a queue of their own. At their
/// Wake Up Notification the gateway interviews them if it still has to, runs the queue in order, then sends No More
/// Information so they sleep again. An execution whose command waits stays in progress until then, for at most the
/// node's wake-up interval plus a margin (<see cref="WakeUpWait"/>): a node that misses its wake-up by more fails it.
/// </summary>
public sealed partial class ZWaveRadio
{
    private sealed class QueuedWork(Func<CancellationToken, Task> run, CancellationToken cancelled)
    {
        private const int Waiting = 0, Started = 1, GivenUp = 2;
        private int _state;

        public Func<CancellationToken, Task> Run { get; } = run;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationToken Cancelled { get; } = cancelled;
        public bool IsWaiting => Volatile.Read(ref _state) == Waiting;

        /// <summary>The node woke up: the work runs unless it was given up meanwhile.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Waiting) == Waiting;

        /// <summary>The wait is over (missed wake-up, cancelled): the work will not run unless it already started.</summary>
        public bool TryGiveUp() => Interlocked.CompareExchange(ref _state, GivenUp, Waiting) == Waiting;
    }

    private readonly ConcurrentDictionary<byte, ConcurrentQueue<QueuedWork>> _wakeUpQueues = new();

    /// <summary>Sleeping nodes awake now (between their Wake Up Notification and the gateway's No More Information).</summary>
    private readonly ConcurrentDictionary<byte, bool> _awake = new();

    private long _missedWakeUps;

    /// <summary>How many commands wait for their node to wake up.</summary>
    public int QueuedForWakeUp => _wakeUpQueues.Values.Sum(q => q.Count(w => w.IsWaiting));

    private bool IsAsleep(ZWaveNode node) => node.Sleeps && !_awake.ContainsKey(node.NodeId);

    /// <summary>
    /// How long a command for a sleeping node may wait for its wake-up: the node's interval (the configured one until
    /// the node reported its own), plus a margin for a wake-up that comes late (the larger of
    /// <see cref="ZWaveRadioOptions.WakeUpGraceSeconds"/> and a tenth of the interval).
    /// </summary>
    private TimeSpan WakeUpWait(ZWaveNode node)
    {
        var interval = TimeSpan.FromSeconds(node.WakeUpIntervalSeconds is > 0 and var known ? known : _options.WakeUpIntervalSeconds);
        var grace = TimeSpan.FromSeconds(_options.WakeUpGraceSeconds);
        return interval + (interval / 10 > grace ? interval / 10 : grace);
    }

    /// <summary>How long a command may take once its node is awake (sent, then confirmed by a report).</summary>
    private TimeSpan AfterWakeUp => TimeSpan.FromSeconds(_options.CommandConfirmTimeoutSeconds + _options.ReportTimeoutSeconds);

    /// <summary>
    /// Queues a command for a sleeping node and waits until it ran at the node's wake-up. The execution engine is told
    /// that the command takes that long; a node that does not wake up in time fails it with ACTUATORNOANSWER.
    /// </summary>
    private async Task RunAtWakeUpAsync(ZWaveNode node, IRadioCommandProgress progress, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var wait = WakeUpWait(node);
        progress.ExpectCompletionWithin(wait + AfterWakeUp);
        var queued = Enqueue(node.NodeId, token =>
        {
            progress.ExpectCompletionWithin(AfterWakeUp);
            return work(token);
        }, cancellationToken);
        _logger.LogInformation("Z-Wave node {NodeId} sleeps; the command waits for its wake-up (at most {Wait})", node.NodeId, wait);
        using var missed = new CancellationTokenSource(wait, _time);
        await using var expiry = missed.Token.Register(() =>
        {
            if (!queued.TryGiveUp()) return;
            Interlocked.Increment(ref _missedWakeUps);
            queued.Done.TrySetException(new RadioCommandException(FailureType.ActuatorNoAnswer,
                $"Z-Wave node {node.NodeId} did not wake up within {wait} (its wake-up interval and a margin)"));
        });
        await using var cancelled = cancellationToken.Register(() =>
        {
            if (queued.TryGiveUp()) queued.Done.TrySetCanceled(cancellationToken);
        });
        // The node may have woken up between the check and the queueing: then it runs now.
        if (_awake.ContainsKey(node.NodeId) && _ready is not null) _ = DrainAsync(node.NodeId, sendBackToSleep: false, cancellationToken);
        await queued.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues work for a node's next wake-up (it is dropped when <paramref name="cancelled"/> fires first).</summary>
    private QueuedWork Enqueue(byte nodeId, Func<CancellationToken, Task> work, CancellationToken cancelled)
    {
        var queued = new QueuedWork(work, cancelled);
        _wakeUpQueues.GetOrAdd(nodeId, _ => new ConcurrentQueue<QueuedWork>()).Enqueue(queued);
        return queued;
    }

    /// <summary>
    /// A sleeping node woke up: interview it if it waits for that, run what waits for it, then let it sleep again. A
    /// notification that arrives while the node is still awake (the controller repeats a frame whose ACK came late)
    /// changes nothing: the wake-up in progress serves it.
    /// </summary>
    private void OnWakeUp(byte nodeId)
    {
        if (_ready is not { } session || _sessionStop is not { } stop) return;
        if (!_awake.TryAdd(nodeId, true))
        {
            _logger.LogDebug("Z-Wave node {NodeId} repeated its wake-up notification while awake", nodeId);
            return;
        }
        var token = stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                if (_awaitingWakeUp.TryRemove(nodeId, out _))
                {
                    _logger.LogInformation("Z-Wave node {NodeId} woke up; interviewing it", nodeId);
                    await InterviewAsync(session, nodeId, token);
                }
                await DrainAsync(nodeId, sendBackToSleep: _nodes.ContainsKey(nodeId), token);
            }
            finally
            {
                _awake.TryRemove(nodeId, out _);
            }
        }, token).ContinueWith(t => _logger.LogWarning("Z-Wave node {NodeId} at wake-up: {Reason}", nodeId, t.Exception?.InnerException?.Message),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private async Task DrainAsync(byte nodeId, bool sendBackToSleep, CancellationToken cancellationToken)
    {
        if (_wakeUpQueues.TryGetValue(nodeId, out var queue))
        {
            while (queue.TryDequeue(out var work))
            {
                if (work.Cancelled.IsCancellationRequested && work.TryGiveUp()) work.Done.TrySetCanceled(work.Cancelled);
                if (!work.TryStart()) continue;
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, work.Cancelled);
                try
                {
                    await work.Run(linked.Token);
                    work.Done.TrySetResult();
                }
                catch (Exception ex)
                {
                    work.Done.TrySetException(ex);
                }
            }
        }
        if (sendBackToSleep) await SendAsync(nodeId, 0, WakeUpCommandClass.NoMoreInformation(), cancellationToken);
    }
}
