using System.Collections.Concurrent;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Nodes;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Sleeping nodes hear nothing until they wake up: what is meant for them waits in a queue of their own. At their
/// Wake Up Notification the gateway interviews them if it still has to, runs the queue in order, then sends No More
/// Information so they sleep again. An execution whose command waits stays in progress until then.
/// </summary>
public sealed partial class ZWaveRadio
{
    private sealed record QueuedWork(Func<CancellationToken, Task> Run, TaskCompletionSource Done, CancellationToken Cancelled);

    private readonly ConcurrentDictionary<byte, ConcurrentQueue<QueuedWork>> _wakeUpQueues = new();

    /// <summary>Sleeping nodes awake now (between their Wake Up Notification and the gateway's No More Information).</summary>
    private readonly ConcurrentDictionary<byte, bool> _awake = new();

    /// <summary>How many commands wait for their node to wake up.</summary>
    public int QueuedForWakeUp => _wakeUpQueues.Values.Sum(q => q.Count);

    private bool IsAsleep(ZWaveNode node) => node.Sleeps && !_awake.ContainsKey(node.NodeId);

    /// <summary>Queues work for a sleeping node and waits until it ran at the node's wake-up (or the caller gives up).</summary>
    private async Task RunAtWakeUpAsync(byte nodeId, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var queued = new QueuedWork(work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        _wakeUpQueues.GetOrAdd(nodeId, _ => new ConcurrentQueue<QueuedWork>()).Enqueue(queued);
        _logger.LogInformation("Z-Wave node {NodeId} sleeps; the command waits for its wake-up", nodeId);
        // The node may have woken up between the check and the queueing: then it runs now.
        if (_awake.ContainsKey(nodeId) && _ready is not null) _ = DrainAsync(nodeId, sendBackToSleep: false, cancellationToken);
        await queued.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A sleeping node woke up: interview it if it waits for that, run what waits for it, then let it sleep again.</summary>
    private void OnWakeUp(byte nodeId)
    {
        if (_ready is not { } session || _sessionStop is not { } stop) return;
        var token = stop.Token;
        _awake[nodeId] = true;
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
                if (work.Cancelled.IsCancellationRequested)
                {
                    work.Done.TrySetCanceled(work.Cancelled);
                    continue;
                }
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
