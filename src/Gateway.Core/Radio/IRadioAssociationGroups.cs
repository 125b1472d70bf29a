namespace Gateway.Core.Radio;

/// <summary>
/// A radio whose nodes keep association groups (Z-Wave): which nodes each group of a node reports to. What is shown is
/// what the node last reported; a refresh asks it again. Node and group numbers the radio does not know throw
/// <see cref="ArgumentException"/>; a node that does not answer throws <see cref="TimeoutException"/>.
/// </summary>
public interface IRadioAssociationGroups
{
    /// <summary>The groups the node last reported and how many it has; null when the node is unknown.</summary>
    RadioAssociationGroups? AssociationGroups(int nodeId);

    /// <summary>Asks the node for one group (or, when <paramref name="groupId"/> is null, how many it has and each of them).</summary>
    Task RefreshAssociationGroupsAsync(int nodeId, int? groupId, CancellationToken cancellationToken);

    /// <summary>Makes the group hold exactly <paramref name="nodes"/>, then reads it back.</summary>
    Task SetAssociationGroupAsync(int nodeId, int groupId, IReadOnlyList<int> nodes, CancellationToken cancellationToken);
}
