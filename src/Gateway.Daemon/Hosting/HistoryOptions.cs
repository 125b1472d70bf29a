namespace Gateway.Daemon.Hosting;

/// <summary>The <c>Gateway:History</c> section: how much execution history the box keeps.</summary>
public sealed class HistoryOptions
{
    /// <summary>Finished executions kept, newest first; older ones are deleted.</summary>
    public int MaxExecutions { get; set; } = 10_000;

    /// <summary>Finished executions older than this many days are deleted, however few there are.</summary>
    public int MaxAgeDays { get; set; } = 90;

    /// <summary>How often history is pruned (also once at start).</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a storage write deferred by a failing disk is tried again.</summary>
    public TimeSpan StorageRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
