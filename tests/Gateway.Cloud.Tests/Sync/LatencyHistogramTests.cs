using System.Diagnostics;
using Gateway.Cloud.Sync;

namespace Gateway.Cloud.Tests.Sync;

public class LatencyHistogramTests
{
    [Fact]
    public void Each_sample_counts_in_the_first_bucket_whose_bound_holds_it_and_in_every_bucket_above()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(Ticks(0.0003));
        histogram.Record(Ticks(0.001));
        histogram.Record(Ticks(0.0042));
        histogram.Record(Ticks(7));

        var counts = histogram.CumulativeCounts();

        Assert.Equal(LatencyHistogram.Bounds.Length + 1, counts.Count);
        Assert.Equal(1, counts[Array.IndexOf(LatencyHistogram.Bounds, 0.0005)]);
        Assert.Equal(2, counts[Array.IndexOf(LatencyHistogram.Bounds, 0.001)]);
        Assert.Equal(2, counts[Array.IndexOf(LatencyHistogram.Bounds, 0.004)]);
        Assert.Equal(3, counts[Array.IndexOf(LatencyHistogram.Bounds, 0.005)]);
        Assert.Equal(3, counts[Array.IndexOf(LatencyHistogram.Bounds, 5.0)]);
        Assert.Equal(4, counts[^1]);
        Assert.Equal(7.0055, histogram.SumSeconds, 3);
    }

    [Fact]
    public void Only_messages_committed_while_tracked_are_timed_and_each_once()
    {
        var latency = new UplinkLatency();
        var now = Stopwatch.GetTimestamp();
        latency.Committed([new(1, now), new(2, now)]);

        latency.Acknowledged(1);
        latency.Acknowledged(1);
        latency.Acknowledged(3);
        latency.Forget();
        latency.Acknowledged(2);

        Assert.Equal(1, latency.Histogram.CumulativeCounts()[^1]);
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
