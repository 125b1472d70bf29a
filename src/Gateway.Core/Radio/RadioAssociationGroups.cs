namespace Gateway.Core.Radio;

/// <summary>A node's association groups as it last reported them: how many groups it has (0 when not known yet) and each group read.</summary>
public sealed record RadioAssociationGroups(int GroupCount, IReadOnlyList<RadioAssociationGroup> Groups);

/// <summary>One association group: the nodes it reports to and how many it can hold.</summary>
public sealed record RadioAssociationGroup(int GroupId, int MaxNodes, IReadOnlyList<int> Nodes);
