using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>The condition-group shape: a state of every device whose kind is one of <see cref="ControllableNames"/>.</summary>
public sealed record ControllableCondition
{
    [JsonPropertyName("stateName")]
    public string StateName { get; set; } = "";

    [JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value { get; init; }

    [JsonPropertyName("operator")]
    public string Operator { get; set; } = "";

    [JsonPropertyName("controllableNames")]
    public IReadOnlyList<string> ControllableNames { get; set; } = [];
}
