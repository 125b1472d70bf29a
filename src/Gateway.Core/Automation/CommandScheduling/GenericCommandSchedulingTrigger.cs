using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// A generic command-scheduling trigger: every local day, at each time of each enabled command schedule, run
/// <see cref="CommandFunctionName"/> with that schedule's parameters on <see cref="DeviceUrl"/>, provided every state
/// restriction holds. Mode: 1 always on, 2 off, 3 scheduled (same as 1: there are no scheduling intervals).
/// </summary>
public sealed record GenericCommandSchedulingTrigger
{
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public long LastUpdateTime { get; init; }
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("serverSide")] public bool ServerSide { get; init; }
    [JsonPropertyName("mode")] public int Mode { get; set; } = TriggerModes.AlwaysOn;

    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Metadata { get; init; }

    /// <summary>Whether a restriction on a state that is unknown (missing, or the device unavailable) counts as met.</summary>
    [JsonPropertyName("allowFromUnknownValue")] public bool AllowFromUnknownValue { get; set; }

    [JsonPropertyName("deviceURL")] public string DeviceUrl { get; set; } = "";
    [JsonPropertyName("usingTriggerModeFlag")] public bool UsingTriggerModeFlag { get; init; }
    [JsonPropertyName("commandFunctionName")] public string CommandFunctionName { get; set; } = "";
    [JsonPropertyName("commandSchedules")] public IReadOnlyList<CommandSchedule> CommandSchedules { get; set; } = [];
    [JsonPropertyName("stateRestrictions")] public IReadOnlyList<StateRestriction> StateRestrictions { get; set; } = [];

    [JsonPropertyName("oid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Oid { get; init; }
}
