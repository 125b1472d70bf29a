using System.Collections.Concurrent;
using Gateway.Radio.ZWave.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Polling of listening nodes that do not report on their own (no lifeline, old devices): a node the gateway heard
/// nothing from for <see cref="ZWaveRadioOptions.PollIntervalSeconds"/> is read. Sleeping nodes are never polled.
/// </summary>
public sealed partial class ZWaveRadio
{
    private readonly ConcurrentDictionary<byte, DateTimeOffset> _lastHeard = new();
    private long _polls;

    private void NoteHeard(byte nodeId) => _lastHeard[nodeId] = _time.GetUtcNow();

    /// <summary>How many times a silent node was read.</summary>
    public long Polls => Interlocked.Read(ref _polls);

    /// <summary>Runs for one connection; ends with it.</summary>
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_options.PollIntervalSeconds <= 0) return;
        var interval = TimeSpan.FromSeconds(_options.PollIntervalSeconds);
        var started = _time.GetUtcNow();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(interval / 4, _time, cancellationToken);
                var now = _time.GetUtcNow();
                foreach (var node in _nodes.Values.Where(n => n.Listening && n.Refused is null).OrderBy(n => n.NodeId).ToList())
                {
                    var heard = _lastHeard.TryGetValue(node.NodeId, out var at) ? at : started;
                    if (now - heard < interval || _ready is null) continue;
                    Interlocked.Increment(ref _polls);
                    NoteHeard(node.NodeId); // asked now: the next poll waits a full interval even if it does not answer
                    await RefreshNodeAsync(node, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is SerialApiTimeoutException or InvalidOperationException)
        {
            _logger.LogInformation("Z-Wave polling stopped for this connection: {Reason}", ex.Message);
        }
    }
}
