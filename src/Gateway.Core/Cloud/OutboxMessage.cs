namespace Gateway.Core.Cloud;

/// <summary>An uplink message to store. <see cref="Topic"/> is relative to the gateway's topic root.</summary>
public sealed record OutboxMessage(OutboxKind Kind, string Topic, byte[] Payload, string? CoalesceKey, long CreatedAt)
{
    /// <summary>When the message was made (a <see cref="System.Diagnostics.Stopwatch"/> timestamp, in memory only): the start of its uplink latency.</summary>
    public long StagedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
}
