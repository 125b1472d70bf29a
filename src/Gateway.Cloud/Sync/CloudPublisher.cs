using System.Collections.Concurrent;
using Gateway.Cloud.Mqtt;
using Gateway.Core.Cloud;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Publishes the outbox in sequence order with a bounded window of unacknowledged messages, and deletes each message
/// only after its PUBACK. After a restart it starts again from the oldest stored message, so what was in flight is
/// sent again (at least once).
/// </summary>
public sealed class CloudPublisher(ICloudOutbox outbox, MqttClient client, CloudTopics topics, int window, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly SemaphoreSlim _window = new(window, window);
    private readonly ConcurrentQueue<long> _acknowledged = new();
    private readonly SemaphoreSlim _ackWake = new(0, int.MaxValue);
    private long _rejected;
    private const int RemoveBatch = 1000;
    private static readonly TimeSpan RemoveGathering = TimeSpan.FromMilliseconds(20);

    /// <summary>Messages the broker refused (PUBACK reason 0x80 or above) or libmosquitto could not send; removed, not retried.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public void Wake() => _wake.Release();

    public Task RunAsync(CancellationToken stopping) => Task.WhenAll(PublishLoopAsync(stopping), RemoveLoopAsync(stopping));

    private async Task PublishLoopAsync(CancellationToken stopping)
    {
        long dispatched = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(200), stopping);
                    continue;
                }
                var batch = await outbox.ReadAsync(dispatched, 1000, stopping);
                if (batch.Count == 0)
                {
                    await _wake.WaitAsync(TimeSpan.FromSeconds(1), stopping);
                    continue;
                }
                foreach (var message in batch)
                {
                    await _window.WaitAsync(stopping);
                    dispatched = message.Sequence;
                    Publish(message);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Cloud publishing failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), time, CancellationToken.None);
            }
        }
    }

    private void Publish(StoredOutboxMessage message)
    {
        Task<int> puback;
        try
        {
            puback = client.PublishAsync(topics.Absolute(message.Topic), message.Payload, retain: false, CancellationToken.None);
        }
        catch (MqttException ex)
        {
            logger.LogWarning("Cloud message {Sequence} on {Topic} cannot be sent ({Error}); dropped", message.Sequence, message.Topic, ex.Message);
            Interlocked.Increment(ref _rejected);
            Acknowledge(message.Sequence);
            return;
        }
        puback.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                if (!MqttReasonCode.IsAccepted(t.Result))
                {
                    Interlocked.Increment(ref _rejected);
                    logger.LogWarning("Broker refused cloud message {Sequence} on {Topic} (reason {Reason}); dropped", message.Sequence, message.Topic, t.Result);
                }
                Acknowledge(message.Sequence);
            }
            else
            {
                _window.Release(); // the client is closing; the message stays stored and goes out after the next start
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Acknowledge(long sequence)
    {
        _acknowledged.Enqueue(sequence);
        _ackWake.Release();
        _window.Release();
    }

    private async Task RemoveLoopAsync(CancellationToken stopping)
    {
        var sequences = new List<long>();
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
            // Each removal is one synchronous commit: gather the PUBACKs of a short moment into one.
            if (!stopping.IsCancellationRequested && _acknowledged.Count < RemoveBatch)
                await Task.Delay(RemoveGathering, time, CancellationToken.None);
            while (_acknowledged.TryDequeue(out var sequence)) sequences.Add(sequence);
            if (sequences.Count > 0)
            {
                try
                {
                    await outbox.RemoveAsync(sequences, CancellationToken.None);
                    sequences.Clear();
                }
                catch (Exception ex)
                {
                    // Kept: removed on the next pass, or sent once more after a restart.
                    logger.LogError(ex, "Removing delivered cloud messages failed");
                }
            }
            if (stopping.IsCancellationRequested) return;
        }
    }
}
