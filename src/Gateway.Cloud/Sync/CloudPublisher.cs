using Gateway.Cloud.Mqtt;
using Gateway.Core.Cloud;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Publishes the outbox in sequence order with a bounded window of unacknowledged messages, and deletes messages only
/// after their PUBACK. The client answers publishes in the order they were made (MQTT acknowledges QoS 1 in order), so
/// one number, the last sequence answered, says what may go: the deletes are one range per batch. After a restart it
/// starts again from the oldest stored message, so what was in flight is sent again (at least once).
/// </summary>
public sealed class CloudPublisher(ICloudOutbox outbox, MqttClient client, CloudTopics topics, int window, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly SemaphoreSlim _room = new(0, int.MaxValue);
    private int _inflight;
    private volatile bool _waitingForRoom;
    private int _removalScheduled;
    private long _answeredThrough;
    private readonly SemaphoreSlim _ackWake = new(0, int.MaxValue);
    private long _rejected;
    private long _delivered;
    private const int ReadBatch = 2000;
    private static readonly TimeSpan RemoveGathering = TimeSpan.FromMilliseconds(20);

    /// <summary>Messages the broker refused (PUBACK reason 0x80 or above) or libmosquitto could not send; removed, not retried.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Change → PUBACK of the messages committed while the link was up.</summary>
    public UplinkLatency Latency { get; } = new();

    /// <summary>Messages the broker acknowledged since the start.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    public void Wake() => _wake.Release();

    /// <summary>After a commit that stored <paramref name="messages"/>.</summary>
    public void Written(IReadOnlyList<CommittedMessage> messages)
    {
        if (client.IsConnected) Latency.Committed(messages);
        Wake();
    }

    public Task RunAsync(CancellationToken stopping) => Task.WhenAll(PublishLoopAsync(stopping), RemoveLoopAsync(stopping));

    private async Task PublishLoopAsync(CancellationToken stopping)
    {
        client.Acknowledged = OnPuback;
        long dispatched = 0;
        Task<IReadOnlyList<StoredOutboxMessage>>? prefetched = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(200), stopping);
                    continue;
                }
                var batch = await (prefetched ?? outbox.ReadAsync(dispatched, ReadBatch, stopping));
                prefetched = null;
                if (batch.Count == 0)
                {
                    await _wake.WaitAsync(TimeSpan.FromSeconds(1), stopping);
                    continue;
                }
                // A backlog: read the next batch while this one goes out.
                if (batch.Count == ReadBatch) prefetched = outbox.ReadAsync(batch[^1].Sequence, ReadBatch, stopping);
                foreach (var message in batch)
                {
                    await WaitForRoomAsync(stopping);
                    Interlocked.Increment(ref _inflight);
                    try
                    {
                        client.Publish(topics.Absolute(message.Topic), message.Payload, message.Sequence);
                    }
                    catch
                    {
                        Interlocked.Decrement(ref _inflight);
                        throw;
                    }
                    dispatched = message.Sequence;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                prefetched = null;
                logger.LogError(ex, "Cloud publishing failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
        }
    }

    /// <summary>On the client's network thread, in publish order, so in sequence order: only counts and notes.</summary>
    private void OnPuback(long sequence, int reason)
    {
        if (MqttReasonCode.IsNotSent(reason))
        {
            Interlocked.Increment(ref _rejected);
            logger.LogWarning("Cloud message {Sequence} cannot be sent (libmosquitto error {Error}); dropped", sequence, reason - MqttReasonCode.NotSent);
        }
        else if (!MqttReasonCode.IsAccepted(reason))
        {
            Interlocked.Increment(ref _rejected);
            logger.LogWarning("Broker refused cloud message {Sequence} (reason {Reason}); dropped", sequence, reason);
        }
        else
        {
            Interlocked.Increment(ref _delivered);
            Latency.Acknowledged(sequence);
        }
        Acknowledge(sequence);
    }

    /// <summary>
    /// Waits while the window of unacknowledged messages is full; woken once it is half empty, so a full window costs
    /// one wake-up per half window rather than one per PUBACK.
    /// </summary>
    private async Task WaitForRoomAsync(CancellationToken stopping)
    {
        while (Volatile.Read(ref _inflight) >= window)
        {
            _waitingForRoom = true;
            // The timeout only guards against a wake-up missed between the check and the flag.
            if (Volatile.Read(ref _inflight) >= window) await _room.WaitAsync(TimeSpan.FromMilliseconds(100), stopping);
            _waitingForRoom = false;
        }
    }

    private void Acknowledge(long sequence)
    {
        Volatile.Write(ref _answeredThrough, sequence);
        if (Interlocked.Exchange(ref _removalScheduled, 1) == 0) _ackWake.Release();
        if (Interlocked.Decrement(ref _inflight) <= window / 2 && _waitingForRoom) _room.Release();
    }

    private async Task RemoveLoopAsync(CancellationToken stopping)
    {
        long removedThrough = 0;
        while (true)
        {
            try
            {
                await _ackWake.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                // Last pass: remove what was acknowledged before the stop.
            }
            // Each removal is one commit: gather the PUBACKs of a short moment into one.
            if (!stopping.IsCancellationRequested) await Task.Delay(RemoveGathering, time, CancellationToken.None);
            // Reset before reading: a PUBACK noted after this schedules the next pass.
            Volatile.Write(ref _removalScheduled, 0);
            var through = Volatile.Read(ref _answeredThrough);
            if (through > removedThrough)
            {
                try
                {
                    await outbox.RemoveThroughAsync(through, CancellationToken.None);
                    removedThrough = through;
                }
                catch (Exception ex)
                {
                    // Kept: removed on a later pass, or sent once more after a restart.
                    logger.LogError(ex, "Removing delivered cloud messages failed");
                    if (Interlocked.Exchange(ref _removalScheduled, 1) == 0) _ackWake.Release();
                    if (!stopping.IsCancellationRequested) await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
                }
            }
            if (stopping.IsCancellationRequested) return;
        }
    }
}
