namespace Gateway.Core.Cloud;

/// <summary>What is waiting, and what the bounds cost so far (kept across restarts).</summary>
public sealed record OutboxCounters(long Pending, long PendingBytes, long Coalesced, long Dropped);
