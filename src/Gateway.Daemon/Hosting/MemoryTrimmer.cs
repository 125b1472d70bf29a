using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Gives memory back to the box once a burst of work is over. The GC only decommits at the end of a collection and
/// collections only happen while something allocates, so after a load peak a quiet daemon would keep its peak heap
/// (and the buffers Kestrel's pool has meanwhile released) resident for good. When a check finds that almost nothing
/// was allocated since the previous one and the heap holds much more than is live, one aggressive full collection
/// returns the difference. It runs at most once per quiet spell.
/// </summary>
public sealed class MemoryTrimmer(TimeProvider time, ILogger<MemoryTrimmer> logger) : BackgroundService
{
    /// <summary>How often the allocation rate is looked at; Kestrel releases idle pool blocks on a similar scale.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    private readonly MemoryTrimPolicy _policy = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        _policy.ShouldTrim(GC.GetTotalAllocatedBytes(), 0);
        while (await TickAsync(timer, stoppingToken))
        {
            var info = GC.GetGCMemoryInfo();
            var slack = info.TotalCommittedBytes - info.HeapSizeBytes + info.FragmentedBytes;
            if (!_policy.ShouldTrim(GC.GetTotalAllocatedBytes(), slack)) continue;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            logger.LogDebug("Quiet after a busy spell: heap committed {Before} MB → {After} MB",
                info.TotalCommittedBytes >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
