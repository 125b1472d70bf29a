using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

/// <summary>A place of the home (the house, a floor, a room) with its sub-places, as the API shows the tree.</summary>
public sealed record Place(
    [property: JsonPropertyName("creationTime")] long CreationTime,
    [property: JsonPropertyName("lastUpdateTime")] long LastUpdateTime,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata,
    [property: JsonPropertyName("oid")] string Oid,
    [property: JsonPropertyName("subPlaces")] IReadOnlyList<Place> SubPlaces);
