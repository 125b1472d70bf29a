using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A stored, named list of conditions that must all hold (GET/POST/PUT /conditionGroups).</summary>
public sealed record ConditionGroup
{
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public long LastUpdateTime { get; init; }
    [JsonPropertyName("label")] public string Label { get; set; } = "";

    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Metadata { get; init; }

    [JsonPropertyName("conditions")] public IReadOnlyList<ConditionBlock> Conditions { get; set; } = [];
    [JsonPropertyName("oid")] public string Oid { get; set; } = "";
}
