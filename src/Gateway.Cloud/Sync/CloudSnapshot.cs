using Gateway.Core.Cloud;
using Gateway.Core.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Sync;

/// <summary>
/// A full picture of the devices for the cloud: GatewaySynchronizationStartedEvent, one state message per device
/// with all its states (time = the device's last update), GatewaySynchronizationEndedEvent. Queued behind what the
/// outbox already holds, so it is the newest word on every device.
/// </summary>
public sealed class CloudSnapshot(ICloudOutbox outbox, ICloudSnapshotSource source, string gatewayId, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Stores the snapshot; returns the number of devices in it.</summary>
    public async Task<int> StoreAsync(string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var devices = source.Devices();
            var messages = new List<OutboxMessage>(devices.Count + 2);
            messages.AddRange(UplinkEncoder.Encode(new GatewaySynchronizationEvent(Now(), gatewayId, Started: true), Now()));
            foreach (var device in devices)
                if (UplinkEncoder.StateMessage(device.DeviceUrl, device.States, device.LastUpdateTime) is { } state)
                    messages.Add(state);
            messages.AddRange(UplinkEncoder.Encode(new GatewaySynchronizationEvent(Now(), gatewayId, Started: false), Now()));
            await outbox.StoreSnapshotAsync(messages, cancellationToken);
            logger.LogInformation("Cloud snapshot of {Devices} devices queued ({Reason})", devices.Count, reason);
            return devices.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After a bound forced messages out of the outbox: a snapshot before anything else on this connection.</summary>
    public async Task StoreIfNeededAsync(CancellationToken cancellationToken)
    {
        if (await outbox.SnapshotNeededAsync(cancellationToken)) await StoreAsync("the outbox had to give up messages", cancellationToken);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
