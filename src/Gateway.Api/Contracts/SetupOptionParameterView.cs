using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record SetupOptionParameterView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);
