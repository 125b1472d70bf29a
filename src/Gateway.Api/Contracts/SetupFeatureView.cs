using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>One element of GET /setup/features: something this gateway offers, and what provides it.</summary>
public sealed record SetupFeatureView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("source")] string Source);
