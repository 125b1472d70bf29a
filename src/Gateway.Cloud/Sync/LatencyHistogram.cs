using System.Diagnostics;

namespace Gateway.Cloud.Sync;

/// <summary>A cumulative latency histogram with fixed bounds, safe to record from any thread, read as Prometheus reads one.</summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds in seconds: fine below 10 ms, where the uplink goal lies, coarse above.</summary>
    public static readonly double[] Bounds = [0.0005, 0.001, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

    private readonly long[] _counts = new long[Bounds.Length + 1];
    private long _sumTicks;

    public void Record(long elapsedStopwatchTicks)
    {
        var seconds = (double)elapsedStopwatchTicks / Stopwatch.Frequency;
        var bucket = 0;
        while (bucket < Bounds.Length && seconds > Bounds[bucket]) bucket++;
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Add(ref _sumTicks, elapsedStopwatchTicks);
    }

    /// <summary>Per bound (the last is +Inf), how many samples were at or below it.</summary>
    public IReadOnlyList<long> CumulativeCounts()
    {
        var cumulative = new long[_counts.Length];
        long total = 0;
        for (var i = 0; i < _counts.Length; i++) cumulative[i] = total += Interlocked.Read(ref _counts[i]);
        return cumulative;
    }

    public double SumSeconds => (double)Interlocked.Read(ref _sumTicks) / Stopwatch.Frequency;
}
