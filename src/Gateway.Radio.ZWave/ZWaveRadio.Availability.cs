using System.Collections.Concurrent;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Dead nodes: a listening node that does not acknowledge a frame is checked with IsFailedNode; when the controller
/// has it on its failed list, its devices show unavailable until the node is heard again (a frame from it, or a frame
/// it acknowledges). Sleeping nodes miss frames by design and are not judged this way.
/// </summary>
public sealed partial class ZWaveRadio
{
    private readonly ConcurrentDictionary<byte, bool> _unreachable = new();
    private long _nodesFailed;

    /// <summary>Nodes whose devices show unavailable.</summary>
    public IReadOnlyCollection<byte> UnreachableNodes => [.. _unreachable.Keys];

    /// <summary>Devices stored unavailable stay so until their node is heard again.</summary>
    private void RememberUnreachable(IReadOnlyList<KnownDevice> known)
    {
        foreach (var device in known)
            if (device.States.FirstOrDefault(s => s.Name == CoreStateNames.Status) is { } status
                && status.Value.ValueKind == System.Text.Json.JsonValueKind.String && status.Value.GetString() == "unavailable"
                && Devices.ZWaveDeviceAddress.TryParse(device.Address) is { } address)
                _unreachable[address.NodeId] = true;
    }

    /// <summary>After a frame a node did not acknowledge: asks the controller whether the node is failed.</summary>
    private async Task CheckFailedAsync(SerialApiSession session, byte nodeId, CancellationToken cancellationToken)
    {
        if (!_nodes.TryGetValue(nodeId, out var node) || !node.Listening || _unreachable.ContainsKey(nodeId)) return;
        try
        {
            if (FailedNode.IsFailed(await AskAsync(session, FunctionId.IsFailedNode, [nodeId], cancellationToken))) MarkUnreachable(nodeId);
        }
        catch (SerialApiTimeoutException ex)
        {
            _logger.LogWarning("Z-Wave controller did not say whether node {NodeId} failed: {Reason}", nodeId, ex.Message);
        }
    }

    private void MarkUnreachable(byte nodeId)
    {
        if (!_unreachable.TryAdd(nodeId, true)) return;
        Interlocked.Increment(ref _nodesFailed);
        _logger.LogWarning("Z-Wave node {NodeId} is failed: its devices are unavailable until it is heard again", nodeId);
        foreach (var address in AddressesOf(nodeId)) _reports.Writer.TryWrite(new AvailabilityReported(address, false));
    }

    private void MarkHeardFrom(byte nodeId)
    {
        if (!_unreachable.TryRemove(nodeId, out _)) return;
        _logger.LogInformation("Z-Wave node {NodeId} is heard again: its devices are available", nodeId);
        foreach (var address in AddressesOf(nodeId)) _reports.Writer.TryWrite(new AvailabilityReported(address, true));
    }

    private List<string> AddressesOf(byte nodeId) => [.. _devices.Where(d => d.Value.Address.NodeId == nodeId).Select(d => d.Key)];
}
