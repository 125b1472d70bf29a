using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>A node's association groups: how many it has and the ones it reported.</summary>
public sealed record ZWaveAssociationGroupsView(
    [property: JsonPropertyName("maxAssociationGroup")] int MaxAssociationGroup,
    [property: JsonPropertyName("associationGroups")] IReadOnlyList<ZWaveAssociationGroupView> AssociationGroups);
