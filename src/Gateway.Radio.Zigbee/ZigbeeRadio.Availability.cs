using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// Link quality and availability: every message from a node notes it heard and, when its signal moved enough, reports
/// core:RSSILevelState; a periodic check pings silent mains nodes and reports unavailable the ones that do not answer
/// and the battery ones silent past their reporting interval. A node heard again is reported available.
/// </summary>
public sealed partial class ZigbeeRadio
{
    private ZigbeeNodeHealth? _health;
    private readonly CancellationTokenSource _availabilityStop = new();
    private Task _availabilityLoop = Task.CompletedTask;
    private long _availabilityPings, _devicesLost;

    private ZigbeeNodeHealth Health => _health ??= new ZigbeeNodeHealth(_time,
        TimeSpan.FromSeconds(_options.MainsSilenceSeconds), TimeSpan.FromSeconds(_options.BatterySilenceSeconds));

    private void StartAvailability()
    {
        foreach (var node in _nodes.Values) Health.Track(node.Ieee, node.MainsPowered);
        if (_options.AvailabilityCheckSeconds > 0) _availabilityLoop = WatchAvailabilityAsync(_availabilityStop.Token);
    }

    private async Task StopAvailabilityAsync()
    {
        await _availabilityStop.CancelAsync();
        await _availabilityLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WatchAvailabilityAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.AvailabilityCheckSeconds), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await CheckAvailabilityAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "Zigbee availability check failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One availability check: battery nodes silent too long are lost, silent mains nodes are pinged.</summary>
    private async Task CheckAvailabilityAsync(CancellationToken cancellationToken)
    {
        var (toPing, lost) = Health.Due();
        foreach (var ieee in lost) MarkLost(ieee, "sent nothing past its reporting interval");
        foreach (var ieee in toPing)
        {
            // A coordinator that is down says nothing about the devices.
            if (_ready is null) return;
            if (_devices.Values.FirstOrDefault(d => d.Ieee == ieee) is not { } device) continue;
            Interlocked.Increment(ref _availabilityPings);
            try
            {
                await ZclRequestAsync(ieee, device.Endpoint, BasicCluster.Id, ZclGlobal.ReadAttributes(Zcl.NextSequence(), BasicCluster.ZclVersion), cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or ZigbeeDeliveryException)
            {
                MarkLost(ieee, "did not answer a ping");
            }
        }
    }

    private void MarkLost(ulong ieee, string why)
    {
        if (!Health.MarkLost(ieee)) return;
        Interlocked.Increment(ref _devicesLost);
        _logger.LogWarning("Zigbee device {Ieee:X16} {Why}: unavailable", ieee, why);
        foreach (var address in AddressesOf(ieee)) _reports.Writer.TryWrite(new AvailabilityReported(address, false));
    }

    /// <summary>A message from a node: it is back if it was lost, and its signal level is reported when it moved.</summary>
    private void NoteHeard(NodeInterview node, IncomingMessage message)
    {
        var back = Health.Heard(node.Ieee);
        // Before its devices are created (during the interview) there is nothing to show the level on: it waits.
        var addresses = AddressesOf(node.Ieee);
        if (addresses.Count == 0) return;
        var level = Health.LinkQualityToReport(node.Ieee, message.LinkQuality);
        if (!back && level is null) return;
        if (back) _logger.LogInformation("Zigbee device {Ieee:X16} is heard again: available", node.Ieee);
        var signal = level is null ? null : ZigbeeStateTranslator.FromLinkQuality(message.LinkQuality);
        foreach (var address in addresses)
        {
            if (back) _reports.Writer.TryWrite(new AvailabilityReported(address, true));
            if (signal is not null) ReportStates(address, signal);
        }
    }

    private List<string> AddressesOf(ulong ieee) => [.. _devices.Where(d => d.Value.Ieee == ieee).Select(d => d.Key)];
}
