using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// A discrete trigger watches one state of one device and runs, for each value it may take (a <see cref="DiscreteEffects.Key"/>),
/// that value's effects once the state has held it for the value's activation delay (seconds). A value must be left
/// (for its deactivation delay) before it fires again, unless <see cref="ExecuteAlways"/> says every report of it counts.
/// Scheduling intervals and modes are those of an if-then trigger.
/// </summary>
public sealed record DiscreteTrigger
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
    [JsonPropertyName("deviceURL")] public string DeviceUrl { get; set; } = "";
    [JsonPropertyName("stateName")] public string StateName { get; set; } = "";

    [JsonPropertyName("objectPath"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ObjectPath { get; init; }

    [JsonPropertyName("effectsList")] public IReadOnlyList<DiscreteEffects> EffectsList { get; set; } = [];
    [JsonPropertyName("executeAlways")] public bool ExecuteAlways { get; init; }
    [JsonPropertyName("usingTriggerModeFlag")] public bool UsingTriggerModeFlag { get; init; }

    [JsonPropertyName("activationDelays"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DelayMap? ActivationDelays { get; init; }

    [JsonPropertyName("deactivationDelays"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DelayMap? DeactivationDelays { get; init; }

    [JsonPropertyName("oid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Oid { get; init; }
}
