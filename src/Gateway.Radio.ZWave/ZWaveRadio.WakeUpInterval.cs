using System.Collections.Concurrent;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Nodes;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// The wake-up interval of a sleeping node, read and changed for the API. A change is sent at the node's next wake-up
/// (now when it is awake), read back and stored; until then it shows as pending, and a newer change replaces it.
/// </summary>
public sealed partial class ZWaveRadio
{
    private readonly ConcurrentDictionary<byte, int> _pendingWakeUpIntervals = new();

    /// <summary>The interval a node reported and the pending change; throws <see cref="ArgumentException"/> for a node that does not sleep.</summary>
    public ZWaveWakeUpIntervalResult GetWakeUpInterval(byte nodeId)
    {
        var node = SleepingNode(nodeId);
        return new ZWaveWakeUpIntervalResult(node.WakeUpIntervalSeconds, _pendingWakeUpIntervals.TryGetValue(nodeId, out var pending) ? pending : null);
    }

    /// <summary>Sets a node's wake-up interval (1 s to about 194 days): at once when the node is awake, else at its next wake-up.</summary>
    public async Task<ZWaveWakeUpIntervalResult> ChangeWakeUpIntervalAsync(byte nodeId, int seconds, CancellationToken cancellationToken)
    {
        var node = SleepingNode(nodeId);
        if (seconds is < 1 or > WakeUpCommandClass.MaxInterval)
            throw new ArgumentException($"the wake-up interval runs from 1 to {WakeUpCommandClass.MaxInterval} seconds", nameof(seconds));
        var queuedBefore = _pendingWakeUpIntervals.ContainsKey(nodeId);
        _pendingWakeUpIntervals[nodeId] = seconds;
        if (IsAsleep(node))
        {
            // One queued change per node: it sends whatever interval is pending when the node wakes up.
            if (!queuedBefore) Enqueue(nodeId, ApplyPendingWakeUpIntervalAsync(nodeId), CancellationToken.None);
            return new ZWaveWakeUpIntervalResult(node.WakeUpIntervalSeconds, seconds);
        }
        await ApplyPendingWakeUpIntervalAsync(nodeId)(cancellationToken);
        return GetWakeUpInterval(nodeId);
    }

    private Func<CancellationToken, Task> ApplyPendingWakeUpIntervalAsync(byte nodeId) => async cancellationToken =>
    {
        if (!_pendingWakeUpIntervals.TryRemove(nodeId, out var seconds)) return;
        var controller = _controller?.OwnNodeId ?? throw new InvalidOperationException("the Z-Wave controller is not ready");
        await SendAsync(nodeId, 0, WakeUpCommandClass.IntervalSet(seconds, controller), cancellationToken);
        var report = (WakeUpIntervalReport)await AskReportAsync(nodeId, 0, WakeUpCommandClass.IntervalGet(), r => r is WakeUpIntervalReport,
            TimeSpan.FromSeconds(_options.ReportTimeoutSeconds), cancellationToken);
        if (!_nodes.TryGetValue(nodeId, out var node)) return;
        node = node with { WakeUpIntervalSeconds = report.Seconds };
        _nodes[nodeId] = node;
        await _settings.SetAsync(Protocol, NodeKey(nodeId), ZWaveNodeJson.Write(node), cancellationToken);
        _logger.LogInformation("Z-Wave node {NodeId} wakes up every {Seconds} s now", nodeId, report.Seconds);
    };

    private ZWaveNode SleepingNode(byte nodeId)
    {
        if (!_nodes.TryGetValue(nodeId, out var node) || node.Refused is not null) throw new ArgumentException($"no Z-Wave node {nodeId}");
        if (!node.Sleeps) throw new ArgumentException($"Z-Wave node {nodeId} does not sleep: it has no wake-up interval");
        return node;
    }
}
