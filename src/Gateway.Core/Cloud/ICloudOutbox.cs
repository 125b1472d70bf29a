namespace Gateway.Core.Cloud;

/// <summary>The durable store-and-forward queue of uplink messages, and the memory of handled downlink requests.</summary>
public interface ICloudOutbox
{
    /// <summary>Called after each commit that stored uplink messages, with those messages: wakes the publisher.</summary>
    Action<IReadOnlyList<CommittedMessage>>? Written { get; set; }

    /// <summary>
    /// Queues <paramref name="messages"/> in memory, in order, for the next write transaction of the gateway's database
    /// (a store's, or <see cref="FlushAsync"/>): a change committed after this call is never on disk without them.
    /// </summary>
    void Stage(IReadOnlyList<OutboxMessage> messages);

    /// <summary>Stores what is staged, then applies the bounds.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Stages <paramref name="messages"/> and flushes.</summary>
    Task AppendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages after <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredOutboxMessage>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Removes delivered messages.</summary>
    Task RemoveAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken);

    /// <summary>Removes every message up to and including <paramref name="lastSequence"/> (all delivered, in order).</summary>
    Task RemoveThroughAsync(long lastSequence, CancellationToken cancellationToken);

    Task<OutboxCounters> CountersAsync(CancellationToken cancellationToken);

    /// <summary>True once a bound forced messages out, until a snapshot is stored.</summary>
    Task<bool> SnapshotNeededAsync(CancellationToken cancellationToken);

    /// <summary>Stores a snapshot (after everything staged before it) and clears the mark of <see cref="SnapshotNeededAsync"/>, in one transaction.</summary>
    Task StoreSnapshotAsync(IReadOnlyList<OutboxMessage> snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="requestId"/> as being handled and returns null when it is new; otherwise returns what
    /// was recorded before, so a repeated request is never applied twice.
    /// </summary>
    Task<CloudRequestRecord?> BeginRequestAsync(string requestId, long now, CancellationToken cancellationToken);

    /// <summary>Stores the answer of a request and queues it for publication, in one transaction.</summary>
    Task CompleteRequestAsync(string requestId, OutboxMessage response, CancellationToken cancellationToken);
}
