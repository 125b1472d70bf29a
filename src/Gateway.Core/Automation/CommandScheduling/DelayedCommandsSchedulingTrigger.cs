using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// A delayed commands-scheduling trigger: once, at <see cref="CommandMinutes"/> after local midnight of
/// <see cref="CommandYear"/>-<see cref="CommandMonth"/>-<see cref="CommandDay"/> (home time zone), run the command
/// calls in order on <see cref="DeviceUrl"/>, provided every state restriction holds. It stays listed once done.
/// </summary>
public sealed record DelayedCommandsSchedulingTrigger
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
    [JsonPropertyName("commandCalls")] public IReadOnlyList<CommandCall> CommandCalls { get; set; } = [];

    [JsonPropertyName("commandLabel"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CommandLabel { get; init; }

    [JsonPropertyName("commandMinutes")] public int? CommandMinutes { get; init; }
    [JsonPropertyName("commandDay")] public int? CommandDay { get; init; }
    [JsonPropertyName("commandMonth")] public int? CommandMonth { get; init; }
    [JsonPropertyName("commandYear")] public int? CommandYear { get; init; }
    [JsonPropertyName("stateRestrictions")] public IReadOnlyList<StateRestriction> StateRestrictions { get; set; } = [];
    [JsonPropertyName("usingTriggerModeFlag")] public bool UsingTriggerModeFlag { get; init; }

    /// <summary>
    /// This gateway's addition, never taken from a client: when (UTC ms) the trigger's time was handled — it ran, or
    /// was given up — so it will not fire again. Absent while it is still to come.
    /// </summary>
    [JsonPropertyName("firedTime"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? FiredTime { get; init; }

    /// <summary>This gateway's addition: what happened at <see cref="FiredTime"/> (<c>EXECUTED</c>, <c>RESTRICTED</c>, <c>OFF</c>, <c>MISSED</c>, <c>FAILED</c>).</summary>
    [JsonPropertyName("firedResult"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FiredResult { get; init; }

    [JsonPropertyName("oid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Oid { get; init; }
}
