using System.Collections.Concurrent;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
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

    private readonly ConcurrentDictionary<byte, NodeAssociations> _associations = new();

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
            await AskAssociationAsync(node, AssociationCommandClass.Get(Group(one)), r => r is AssociationReport g && g.Group == one, cancellationToken);
            return;
        }
        var count = ((AssociationGroupingsReport)await AskAssociationAsync(node, AssociationCommandClass.GroupingsGet(), r => r is AssociationGroupingsReport, cancellationToken)).Groups;
        for (byte group = 1; group <= count && group != 0; group++)
        {
            var wanted = group;
            await AskAssociationAsync(node, AssociationCommandClass.Get(group), r => r is AssociationReport g && g.Group == wanted, cancellationToken);
        }
    }

    public async Task SetAssociationGroupAsync(int nodeId, int groupId, IReadOnlyList<int> nodes, CancellationToken cancellationToken)
    {
        var node = AssociatingNode(nodeId);
        var group = Group(groupId);
        if (nodes.Any(n => n is < 1 or > 232)) throw new ArgumentException("node ids run from 1 to 232", nameof(nodes));
        await SendAsync(node, 0, AssociationCommandClass.Remove(group), cancellationToken);
        if (nodes.Count > 0) await SendAsync(node, 0, AssociationCommandClass.Set(group, [.. nodes.Select(n => (byte)n)]), cancellationToken);
        await AskAssociationAsync(node, AssociationCommandClass.Get(group), r => r is AssociationReport g && g.Group == group, cancellationToken);
    }

    /// <summary>Remembers the association reports a node sends (on the reading loop: nothing here waits).</summary>
    private void RememberAssociation(byte nodeId, CommandClassReport report)
    {
        switch (report)
        {
            case AssociationReport group:
                _associations.GetOrAdd(nodeId, _ => new NodeAssociations()).Groups[group.Group] =
                    new RadioAssociationGroup(group.Group, group.MaxNodes, [.. group.NodeIds.Select(n => (int)n)]);
                break;
            case AssociationGroupingsReport groupings:
                _associations.GetOrAdd(nodeId, _ => new NodeAssociations()).GroupCount = groupings.Groups;
                break;
        }
    }

    private async Task<CommandClassReport> AskAssociationAsync(byte nodeId, byte[] get, Func<CommandClassReport, bool> wanted, CancellationToken cancellationToken)
    {
        try
        {
            return await AskReportAsync(nodeId, 0, get, wanted, TimeSpan.FromSeconds(_options.ReportTimeoutSeconds), cancellationToken);
        }
        catch (ZWaveDeliveryException ex)
        {
            _logger.LogInformation("Z-Wave node {NodeId} did not take an association request: {Reason}", nodeId, ex.Message);
            throw new TimeoutException(ex.Message, ex);
        }
    }

    private byte AssociatingNode(int nodeId)
    {
        if (nodeId is < 1 or > 232 || !_nodes.TryGetValue((byte)nodeId, out var node)) throw new ArgumentException($"no Z-Wave node {nodeId}", nameof(nodeId));
        if (!node.Supports(CommandClassId.Association)) throw new ArgumentException($"Z-Wave node {nodeId} has no association groups", nameof(nodeId));
        return node.NodeId;
    }

    private static byte Group(int groupId) =>
        groupId is >= 1 and <= 255 ? (byte)groupId : throw new ArgumentException("association groups run from 1 to 255", nameof(groupId));
}
