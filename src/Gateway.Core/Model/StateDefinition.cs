using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

public sealed record StateDefinition([property: JsonPropertyName("name")] string Name);
