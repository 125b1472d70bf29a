using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// An if-then trigger: when <see cref="RootConditionBlock"/> becomes true and stays true for its activation delay
/// (seconds), inside the scheduling intervals (if any), run the effects. Fires once per transition to true.
/// Mode: 1 always on, 2 off, 3 scheduled — 1 and 3 both honour the scheduling intervals when there are some.
/// </summary>
public sealed record IfThenSetupTrigger
{
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public long LastUpdateTime { get; init; }
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("serverSide")] public bool ServerSide { get; init; }
    [JsonPropertyName("mode")] public int Mode { get; set; } = TriggerModes.AlwaysOn;

    [JsonPropertyName("schedulingIntervals"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SchedulingInterval>? SchedulingIntervals { get; init; }

    [JsonPropertyName("allowExecuteOnEnabled")] public bool AllowExecuteOnEnabled { get; init; }

    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Metadata { get; init; }

    [JsonPropertyName("allowFromUnknownValue")] public bool AllowFromUnknownValue { get; set; } = true;

    [JsonPropertyName("rootConditionBlock")] public ConditionBlock? RootConditionBlock { get; init; }

    [JsonPropertyName("effects")] public IReadOnlyList<TriggerEffect> Effects { get; set; } = [];

    [JsonPropertyName("usingTriggerModeFlag")] public bool UsingTriggerModeFlag { get; init; }

    [JsonPropertyName("oid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Oid { get; init; }
}
