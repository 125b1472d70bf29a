using System.Collections.Concurrent;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// When each node was last heard, whether it is judged available, and the link quality last reported for it. A
/// mains-powered node silent past <c>mainsSilence</c> is due a ping (it may simply have nothing to report); a battery
/// node sleeps and cannot be pinged, so one silent past <c>batterySilence</c> (longer than its reporting interval) is lost.
/// </summary>
public sealed class ZigbeeNodeHealth(TimeProvider time, TimeSpan mainsSilence, TimeSpan batterySilence)
{
    /// <summary>The signal level (0..100) must move this much before it is reported again, so each message does not make a state change.</summary>
    public const int LinkQualityStep = 10;

    private readonly ConcurrentDictionary<ulong, Entry> _nodes = new();

    /// <summary>Starts watching a node, as heard now (at start-up or when it was created).</summary>
    public void Track(ulong ieee, bool mainsPowered) =>
        _nodes.AddOrUpdate(ieee, _ => new Entry(time.GetUtcNow(), mainsPowered, true, null), (_, e) => e with { LastHeard = time.GetUtcNow(), MainsPowered = mainsPowered });

    public void Forget(ulong ieee) => _nodes.TryRemove(ieee, out _);

    /// <summary>A message came from the node. True when it had been judged unavailable and is back.</summary>
    public bool Heard(ulong ieee)
    {
        while (_nodes.TryGetValue(ieee, out var entry))
        {
            if (_nodes.TryUpdate(ieee, entry with { LastHeard = time.GetUtcNow(), Available = true }, entry)) return !entry.Available;
        }
        return false;
    }

    /// <summary>The level (0..100) to report when it moved by <see cref="LinkQualityStep"/> or more since the last one; null otherwise.</summary>
    public int? LinkQualityToReport(ulong ieee, byte linkQuality)
    {
        var level = (int)Math.Round(linkQuality * 100.0 / 255, MidpointRounding.AwayFromZero);
        while (_nodes.TryGetValue(ieee, out var entry))
        {
            if (entry.ReportedLevel is { } last && Math.Abs(last - level) < LinkQualityStep) return null;
            if (_nodes.TryUpdate(ieee, entry with { ReportedLevel = level }, entry)) return level;
        }
        return null;
    }

    /// <summary>Available mains nodes silent long enough to be pinged, and battery nodes silent long enough to be lost.</summary>
    public (IReadOnlyList<ulong> ToPing, IReadOnlyList<ulong> Lost) Due()
    {
        var now = time.GetUtcNow();
        List<ulong> toPing = [], lost = [];
        foreach (var (ieee, entry) in _nodes)
        {
            if (!entry.Available) continue;
            var silent = now - entry.LastHeard;
            if (entry.MainsPowered && silent >= mainsSilence) toPing.Add(ieee);
            else if (!entry.MainsPowered && silent >= batterySilence) lost.Add(ieee);
        }
        return (toPing, lost);
    }

    /// <summary>Judges the node unavailable. True when it was available (so the change is reported once).</summary>
    public bool MarkLost(ulong ieee)
    {
        while (_nodes.TryGetValue(ieee, out var entry))
        {
            if (!entry.Available) return false;
            if (_nodes.TryUpdate(ieee, entry with { Available = false }, entry)) return true;
        }
        return false;
    }

    public bool IsAvailable(ulong ieee) => _nodes.TryGetValue(ieee, out var entry) && entry.Available;

    private sealed record Entry(DateTimeOffset LastHeard, bool MainsPowered, bool Available, int? ReportedLevel);
}
