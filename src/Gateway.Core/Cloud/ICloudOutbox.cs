namespace Gateway.Core.Cloud;

/// <summary>The durable store-and-forward queue of uplink messages, and the memory of handled downlink requests.</summary>
public interface ICloudOutbox
{
    /// <summary>Stores <paramref name="messages"/> in order, in one transaction, then applies the bounds.</summary>
    Task AppendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredOutboxMessage>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Removes delivered messages.</summary>
    Task RemoveAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken);

    Task<OutboxCounters> CountersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="requestId"/> as being handled and returns null when it is new; otherwise returns what
    /// was recorded before, so a repeated request is never applied twice.
    /// </summary>
    Task<CloudRequestRecord?> BeginRequestAsync(string requestId, long now, CancellationToken cancellationToken);

    /// <summary>Stores the answer of a request and queues it for publication, in one transaction.</summary>
    Task CompleteRequestAsync(string requestId, OutboxMessage response, CancellationToken cancellationToken);
}
