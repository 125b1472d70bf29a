namespace Gateway.Engine.History;

/// <summary>
/// The device event part of the <c>Gateway:History</c> section (executions keep theirs in MaxExecutions and MaxAgeDays):
/// how many device events the box keeps and for how long.
/// </summary>
public sealed class EventHistoryOptions
{
    /// <summary>Device events kept, newest first; older ones are deleted.</summary>
    public int MaxDeviceEvents { get; set; } = 10_000;

    /// <summary>Device events older than this many days are deleted, however few there are.</summary>
    public int DeviceEventDays { get; set; } = 90;

    /// <summary>How often device events are pruned (also once at start).</summary>
    public TimeSpan DeviceEventPruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Device events waiting for the disk; beyond this a burst is dropped (and counted) rather than held in memory.</summary>
    public int DeviceEventQueueLimit { get; set; } = 10_000;

    /// <summary>Most device events written in one transaction.</summary>
    public int DeviceEventBatchSize { get; set; } = 500;
}
