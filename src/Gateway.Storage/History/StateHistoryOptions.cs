namespace Gateway.Storage.History;

/// <summary>
/// The state-history part of the <c>Gateway:History</c> section: how long each level is kept and how samples are
/// written (see docs/state-history.md).
/// </summary>
public sealed class StateHistoryOptions
{
    /// <summary>Raw samples are kept this many days (once rolled up into hours and days).</summary>
    public int RawSampleDays { get; set; } = 7;

    /// <summary>Hourly aggregates are kept this many days (at least 2: days are rolled up from hours).</summary>
    public int HourlyDays { get; set; } = 90;

    /// <summary>Daily aggregates are kept this many years.</summary>
    public int DailyYears { get; set; } = 10;

    /// <summary>How often complete hours and days are rolled up and old rows deleted (also once at start).</summary>
    public TimeSpan RollUpInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Samples are committed in batches at most this long after they arrive ...</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>... or as soon as this many are waiting.</summary>
    public int CommitBatchSize { get; set; } = 1000;

    /// <summary>Samples waiting to be written beyond this are dropped (and counted); device states are never held up.</summary>
    public int QueueCapacity { get; set; } = 50_000;

    internal long RawRetentionMs => TimeSpan.FromDays(Math.Max(1, RawSampleDays)).Ticks / TimeSpan.TicksPerMillisecond;
    internal long HourlyRetentionMs => TimeSpan.FromDays(Math.Max(2, HourlyDays)).Ticks / TimeSpan.TicksPerMillisecond;
    internal long DailyRetentionMs => TimeSpan.FromDays(366.0 * Math.Max(1, DailyYears)).Ticks / TimeSpan.TicksPerMillisecond;
}
