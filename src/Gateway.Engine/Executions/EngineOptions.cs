namespace Gateway.Engine.Executions;

public sealed class EngineOptions
{
    /// <summary>Executions allowed to run at once; past it, new ones are refused with EXEC_QUEUE_FULL.</summary>
    public int MaxConcurrentExecutions { get; set; } = 50;

    /// <summary>How long one command may take before it fails with ACTUATORNOANSWER.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long shutdown waits for cancelled executions to be recorded.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often an execution that finished while storage failed (disk full) tries again to reach history; it stays
    /// in exec/current meanwhile.
    /// </summary>
    public TimeSpan StorageRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
