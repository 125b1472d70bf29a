using System.Runtime.CompilerServices;
using Gateway.Core.Cloud;
using Gateway.Core.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Encodes every event on the bus and stages its uplink messages in the outbox at once, on the publisher's thread,
/// so that the store write that persists the change (queued after the publish) carries them. What no store write
/// picks up soon is stored by this writer's own flush. Events whose messages a store already committed with the
/// change (<see cref="Carry"/>) are not stored again.
/// </summary>
public sealed class CloudOutboxWriter(ICloudOutbox outbox, TimeProvider time, ILogger logger) : IEventSink, IUplinkReports
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConditionalWeakTable<GatewayEvent, object> _carried = new();
    private Task? _loop;

    public IReadOnlyList<OutboxMessage>? Carry(GatewayEvent report)
    {
        _carried.AddOrUpdate(report, report);
        return Encode(report);
    }

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        if (_carried.Remove(gatewayEvent)) return;
        try
        {
            outbox.Stage(Encode(gatewayEvent));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Event {Event} has no cloud encoding; not sent", gatewayEvent.Name);
            return;
        }
        _signal.Release();
    }

    public void Start() => _loop = Task.Run(RunAsync);

    private List<OutboxMessage> Encode(GatewayEvent gatewayEvent) => UplinkEncoder.Encode(gatewayEvent, time.GetUtcNow().ToUnixTimeMilliseconds()).ToList();

    /// <summary>Stores what is still staged, then ends.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null) await _loop;
        try
        {
            await outbox.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Cloud outbox could not store its last messages at shutdown");
        }
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var failing = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(TimeSpan.FromSeconds(failing > 0 ? Math.Min(failing, 10) : 60), token);
                while (_signal.CurrentCount > 0) await _signal.WaitAsync(0, token);
                await outbox.FlushAsync(token);
                failing = 0;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A full or failing disk: the messages stay staged, in order, and are tried again.
                if (failing++ == 0) logger.LogError(ex, "Cloud outbox write failed; retrying");
            }
        }
    }
}
