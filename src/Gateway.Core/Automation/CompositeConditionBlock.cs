using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>The body of an and/or/not block. A not block has exactly one sub-block.</summary>
public sealed record CompositeConditionBlock
{
    [JsonPropertyName("blockId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BlockId { get; init; }

    /// <summary>Seconds the block must stay true before it counts (only on the root block of a trigger).</summary>
    [JsonPropertyName("activationDelay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ActivationDelay { get; init; }

    [JsonPropertyName("deactivationDelay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DeactivationDelay { get; init; }

    [JsonPropertyName("subConditionBlocks")]
    public IReadOnlyList<ConditionBlock> SubConditionBlocks { get; set; } = [];
}
