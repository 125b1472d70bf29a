namespace Gateway.Core.Cloud;

/// <summary>An uplink message just committed: its place in the outbox and when it was staged (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
public readonly record struct CommittedMessage(long Sequence, long StagedAt);
