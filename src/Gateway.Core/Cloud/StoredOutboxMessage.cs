namespace Gateway.Core.Cloud;

/// <summary>A stored uplink message; <see cref="Sequence"/> is the order of publication.</summary>
public sealed record StoredOutboxMessage(long Sequence, string Topic, byte[] Payload);
