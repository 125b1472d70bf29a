using System.Collections.Concurrent;
using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Configuration parameters (Configuration CC) read and written for the API. A listening node answers at once; a
/// sleeping node's change waits in its wake-up queue, and reading it gives the last value it reported.
/// </summary>
public sealed partial class ZWaveRadio
{
    private readonly ConcurrentDictionary<(byte NodeId, byte Parameter), ConfigurationReport> _parameters = new();

    /// <summary>Reads a parameter (a sleeping node's last reported value); throws <see cref="ArgumentException"/> for an unknown node or one without Configuration.</summary>
    public async Task<ZWaveParameterResult> GetParameterAsync(byte nodeId, byte parameter, CancellationToken cancellationToken)
    {
        var node = ConfigurableNode(nodeId);
        if (node.Sleeps)
        {
            // What a sleeping node reported at its last wake-up is as fresh as it gets; one it never reported is asked at the next.
            if (_parameters.TryGetValue((nodeId, parameter), out var known)) return new ZWaveParameterResult(known, false);
            if (IsAsleep(node))
            {
                Enqueue(nodeId, token => TryAskReportAsync(nodeId, ConfigurationCommandClass.Get(parameter), r => r is ConfigurationReport c && c.Parameter == parameter, token),
                    CancellationToken.None);
                throw new InvalidOperationException($"Z-Wave node {nodeId} sleeps and has not reported parameter {parameter} yet; it is asked at its next wake-up");
            }
        }
        var report = await AskReportAsync(nodeId, 0, ConfigurationCommandClass.Get(parameter), r => r is ConfigurationReport c && c.Parameter == parameter,
            TimeSpan.FromSeconds(_options.ReportTimeoutSeconds), cancellationToken);
        return new ZWaveParameterResult((ConfigurationReport)report, false);
    }

    /// <summary>Writes a parameter, then reads it back; for a sleeping node the write and read wait for its wake-up.</summary>
    public async Task<ZWaveParameterResult> SetParameterAsync(byte nodeId, byte parameter, int size, long value, CancellationToken cancellationToken)
    {
        var node = ConfigurableNode(nodeId);
        var set = ConfigurationCommandClass.Set(parameter, size, value);
        if (IsAsleep(node))
        {
            Enqueue(nodeId, token => WriteParameterAsync(nodeId, parameter, set, token), CancellationToken.None);
            return new ZWaveParameterResult(null, true);
        }
        return new ZWaveParameterResult(await WriteParameterAsync(nodeId, parameter, set, cancellationToken), false);
    }

    private async Task<ConfigurationReport> WriteParameterAsync(byte nodeId, byte parameter, byte[] set, CancellationToken cancellationToken)
    {
        await SendAsync(nodeId, 0, set, cancellationToken);
        return (ConfigurationReport)await AskReportAsync(nodeId, 0, ConfigurationCommandClass.Get(parameter), r => r is ConfigurationReport c && c.Parameter == parameter,
            TimeSpan.FromSeconds(_options.ReportTimeoutSeconds), cancellationToken);
    }

    private Nodes.ZWaveNode ConfigurableNode(byte nodeId)
    {
        if (!_nodes.TryGetValue(nodeId, out var node) || node.Refused is not null) throw new ArgumentException($"no Z-Wave node {nodeId}");
        if (!node.Supports(CommandClassId.Configuration)) throw new ArgumentException($"Z-Wave node {nodeId} has no configuration parameters");
        return node;
    }
}
