using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Catalog;

/// <summary>The rule one command parameter must satisfy. Kinds: int, float, string, boolean, json.</summary>
public sealed record ParameterSpec
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("min")] public double? Min { get; init; }
    [JsonPropertyName("max")] public double? Max { get; init; }
    [JsonPropertyName("values")] public IReadOnlyList<string>? Values { get; init; }
    [JsonPropertyName("optional")] public bool Optional { get; init; }

    /// <summary>Returns null when the value fits, otherwise a short human-readable reason.</summary>
    public string? Check(JsonElement value) => (Type ?? "string") switch
    {
        "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var i) ? CheckRange(i) : "must be an integer",
        "float" => value.ValueKind == JsonValueKind.Number ? CheckRange(value.GetDouble()) : "must be a number",
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be a boolean",
        "string" => value.ValueKind != JsonValueKind.String ? "must be a string"
            : Values is { Count: > 0 } && !Values.Contains(value.GetString()!) ? $"must be one of {string.Join(", ", Values)}"
            : null,
        "json" => null,
        _ => $"has an unknown parameter kind {Type}",
    };

    private string? CheckRange(double v) =>
        (Min is { } min && v < min) || (Max is { } max && v > max) ? $"must be between {Min} and {Max}" : null;
}
