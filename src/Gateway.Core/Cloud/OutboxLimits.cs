namespace Gateway.Core.Cloud;

/// <summary>Bounds of the outbox; past one, superseded states are coalesced first, then the oldest events and states dropped.</summary>
public sealed record OutboxLimits(long MaxMessages, long MaxBytes, TimeSpan MaxAge);
