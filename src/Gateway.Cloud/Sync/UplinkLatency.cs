using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Core.Cloud;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Times each uplink message committed while the link is up from the moment it was made (the change it reports) to
/// its PUBACK. Messages stored during an outage are not timed: their wait is the outage, not the uplink.
/// </summary>
public sealed class UplinkLatency
{
    private const int MaxTracked = 20_000;
    private readonly ConcurrentDictionary<long, long> _staged = new();

    public LatencyHistogram Histogram { get; } = new();

    public void Committed(IReadOnlyList<CommittedMessage> messages)
    {
        if (_staged.Count > MaxTracked) return;
        foreach (var message in messages) _staged.TryAdd(message.Sequence, message.StagedAt);
    }

    public void Acknowledged(long sequence)
    {
        if (_staged.TryRemove(sequence, out var stagedAt)) Histogram.Record(Stopwatch.GetTimestamp() - stagedAt);
    }

    /// <summary>The link went down: what is in flight now will be timed by the outage, so it is not timed at all.</summary>
    public void Forget() => _staged.Clear();
}
