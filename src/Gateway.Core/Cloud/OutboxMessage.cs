namespace Gateway.Core.Cloud;

/// <summary>An uplink message to store. <see cref="Topic"/> is relative to the gateway's topic root.</summary>
public sealed record OutboxMessage(OutboxKind Kind, string Topic, byte[] Payload, string? CoalesceKey, long CreatedAt);
