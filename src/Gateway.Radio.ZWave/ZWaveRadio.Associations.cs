using System.Collections.Concurrent;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.Associations;
using Gateway.Radio.ZWave.Encapsulation;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Association groups as the nodes report them: every Association (Groupings) Report a node sends is remembered, and
/// the API reads, refreshes and sets groups through Get / Groupings Get / Remove + Set.
/// </summary>
public sealed partial class ZWaveRadio : IRadioAssociationGroups
{
    private sealed class NodeAssociations
    {
        public int GroupCount { get; set; }
        public ConcurrentDictionary<byte, RadioAssociationGroup> Groups { get; } = new();
    }

    private sealed record AssociationWaiter(byte NodeId, Func<byte[], bool> Wanted, TaskCompletionSource<byte[]> Done);

    private readonly ConcurrentDictionary<byte, NodeAssociations> _associations = new();
    private readonly ConcurrentDictionary<long, AssociationWaiter> _associationWaiters = new();

    public RadioAssociationGroups? AssociationGroups(int nodeId)
    {
        if (nodeId is < 1 or > 232 || !_nodes.ContainsKey((byte)nodeId)) return null;
        if (!_associations.TryGetValue((byte)nodeId, out var known)) return new RadioAssociationGroups(0, []);
        return new RadioAssociationGroups(known.GroupCount, [.. known.Groups.Values.OrderBy(g => g.GroupId)]);
    }

    public async Task RefreshAssociationGroupsAsync(int nodeId, int? groupId, CancellationToken cancellationToken)
    {
        var node = AssociatingNode(nodeId);
        if (groupId is { } one)
        {
            await AskAssociationAsync(node, AssociationFrames.Get(Group(one)), r => AssociationFrames.ParseReport(r) is { } g && g.GroupId == one, cancellationToken);
            return;
        }
        var count = AssociationFrames.ParseGroupingsReport(
            await AskAssociationAsync(node, AssociationFrames.GroupingsGet(), r => AssociationFrames.ParseGroupingsReport(r) is not null, cancellationToken)) ?? 0;
        for (byte group = 1; group <= count && group != 0; group++)
        {
            var wanted = group;
            await AskAssociationAsync(node, AssociationFrames.Get(group), r => AssociationFrames.ParseReport(r) is { } g && g.GroupId == wanted, cancellationToken);
        }
    }

    public async Task SetAssociationGroupAsync(int nodeId, int groupId, IReadOnlyList<int> nodes, CancellationToken cancellationToken)
    {
        var node = AssociatingNode(nodeId);
        var group = Group(groupId);
        if (nodes.Any(n => n is < 1 or > 232)) throw new ArgumentException("node ids run from 1 to 232", nameof(nodes));
        await SendAsync(node, 0, AssociationFrames.Remove(group, []), cancellationToken);
        if (nodes.Count > 0) await SendAsync(node, 0, AssociationFrames.Set(group, nodes.Select(n => (byte)n)), cancellationToken);
        await AskAssociationAsync(node, AssociationFrames.Get(group), r => AssociationFrames.ParseReport(r) is { } g && g.GroupId == group, cancellationToken);
    }

    /// <summary>Remembers the association reports a node sends (on the reading loop: nothing here waits).</summary>
    private void OnAssociationFrame(EncapsulatedCommand command)
    {
        if (command.Endpoint != 0 || command.Payload.Length < 2 || command.Payload[0] != AssociationFrames.CommandClass) return;
        var known = _associations.GetOrAdd(command.NodeId, _ => new NodeAssociations());
        if (AssociationFrames.ParseReport(command.Payload) is { } report)
            known.Groups[report.GroupId] = new RadioAssociationGroup(report.GroupId, report.MaxNodes, [.. report.Nodes.Select(n => (int)n)]);
        else if (AssociationFrames.ParseGroupingsReport(command.Payload) is { } count)
            known.GroupCount = count;
        foreach (var waiter in _associationWaiters.Values)
            if (waiter.NodeId == command.NodeId && waiter.Wanted(command.Payload)) waiter.Done.TrySetResult(command.Payload);
    }

    private async Task<byte[]> AskAssociationAsync(byte nodeId, byte[] get, Func<byte[], bool> wanted, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextWaiter);
        var waiter = new AssociationWaiter(nodeId, wanted, new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        _associationWaiters[id] = waiter;
        try
        {
            await SendAsync(nodeId, 0, get, cancellationToken);
            return await waiter.Done.Task.WaitAsync(TimeSpan.FromSeconds(_options.ReportTimeoutSeconds), _time, cancellationToken);
        }
        catch (ZWaveDeliveryException ex)
        {
            _logger.LogInformation("Z-Wave node {NodeId} did not take an association request: {Reason}", nodeId, ex.Message);
            throw new TimeoutException(ex.Message, ex);
        }
        finally
        {
            _associationWaiters.TryRemove(id, out _);
        }
    }

    private byte AssociatingNode(int nodeId)
    {
        if (nodeId is < 1 or > 232 || !_nodes.TryGetValue((byte)nodeId, out var node)) throw new ArgumentException($"no Z-Wave node {nodeId}", nameof(nodeId));
        if (!node.Supports(AssociationFrames.CommandClass)) throw new ArgumentException($"Z-Wave node {nodeId} has no association groups", nameof(nodeId));
        return node.NodeId;
    }

    private static byte Group(int groupId) =>
        groupId is >= 1 and <= 255 ? (byte)groupId : throw new ArgumentException("association groups run from 1 to 255", nameof(groupId));
}
