using System.Threading.Channels;
using Gateway.Core.Cloud;
using Gateway.Core.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Takes every event off the bus without blocking the publisher, and stores the uplink messages in batches, in the
/// order the events happened.
/// </summary>
public sealed class CloudOutboxWriter(ICloudOutbox outbox, TimeProvider time, Action written, ILogger logger) : IEventSink
{
    private const int BatchSize = 2000;
    private readonly Channel<GatewayEvent> _events = Channel.CreateUnbounded<GatewayEvent>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

    public void OnEvent(GatewayEvent gatewayEvent) => _events.Writer.TryWrite(gatewayEvent);

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Stores what is still queued, then ends.</summary>
    public async Task StopAsync()
    {
        _events.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<OutboxMessage>();
        while (await _events.Reader.WaitToReadAsync())
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            while (batch.Count < BatchSize && _events.Reader.TryRead(out var gatewayEvent))
            {
                try
                {
                    batch.AddRange(UplinkEncoder.Encode(gatewayEvent, now));
                }
                catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException)
                {
                    logger.LogWarning(ex, "Event {Event} has no cloud encoding; not sent", gatewayEvent.Name);
                }
            }
            for (var attempt = 1; batch.Count > 0; attempt++)
            {
                try
                {
                    await outbox.AppendAsync(batch, CancellationToken.None);
                    batch.Clear();
                    written();
                }
                catch (Exception ex)
                {
                    // A full or failing disk: keep the batch in memory and try again; events go on queueing meanwhile.
                    if (attempt == 1) logger.LogError(ex, "Cloud outbox write failed; retrying");
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 10)), time);
                }
            }
        }
    }
}
