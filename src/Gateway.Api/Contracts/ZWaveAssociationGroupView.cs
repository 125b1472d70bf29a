using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>One association group as a box shows it.</summary>
public sealed record ZWaveAssociationGroupView(
    [property: JsonPropertyName("maxNode")] int MaxNode,
    [property: JsonPropertyName("groupId")] int GroupId,
    [property: JsonPropertyName("nodeList")] IReadOnlyList<int> NodeList);
