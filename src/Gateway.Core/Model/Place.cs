using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

public sealed record Place(
    [property: JsonPropertyName("creationTime")] long CreationTime,
    [property: JsonPropertyName("lastUpdateTime")] long LastUpdateTime,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("oid")] string Oid,
    [property: JsonPropertyName("subPlaces")] IReadOnlyList<Place> SubPlaces);
