using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>
/// One trigger of a calendar day (<c>startActionGroupTimeTrigger</c>): when, in the home's local time, an action group
/// runs. <see cref="TimeTriggerTypes.Time"/> uses <see cref="Hours"/>:<see cref="Minutes"/>; DAWN adds
/// <see cref="DawnOffset"/> minutes to sunrise and DUSK <see cref="DuskOffset"/> minutes to sunset. Then a random
/// offset uniformly within ±<see cref="RandomTimeOffset"/> minutes, then the bounds: never before alwaysAfter, never
/// after alwaysBefore (both local times of the same date; absent = no bound).
/// </summary>
public sealed record TimeTrigger
{
    [JsonPropertyName("triggerType")] public string? TriggerType { get; init; }
    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; init; }
    [JsonPropertyName("minutes")] public int Minutes { get; init; }
    [JsonPropertyName("hours")] public int Hours { get; init; }
    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Metadata { get; init; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; } = true; // settable: source-generated JSON sets every init-only property, so an absent "enabled" would turn false
    [JsonPropertyName("duskOffset")] public int DuskOffset { get; init; }
    [JsonPropertyName("dawnOffset")] public int DawnOffset { get; init; }
    [JsonPropertyName("randomTimeOffset")] public int RandomTimeOffset { get; init; }
    [JsonPropertyName("alwaysBeforeHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? AlwaysBeforeHours { get; init; }
    [JsonPropertyName("alwaysBeforeMinutes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? AlwaysBeforeMinutes { get; init; }
    [JsonPropertyName("alwaysAfterHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? AlwaysAfterHours { get; init; }
    [JsonPropertyName("alwaysAfterMinutes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? AlwaysAfterMinutes { get; init; }
    [JsonPropertyName("actionGroupOID")] public string? ActionGroupOid { get; init; }

    /// <summary>A managed group carried inline (label and actions), run instead of a stored group.</summary>
    [JsonPropertyName("localActionGroup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public System.Text.Json.JsonElement? LocalActionGroup { get; init; }

    /// <summary>"Never after" this local time, if set.</summary>
    [JsonIgnore]
    public TimeOnly? AlwaysBefore => Bound(AlwaysBeforeHours, AlwaysBeforeMinutes);

    /// <summary>"Never before" this local time, if set.</summary>
    [JsonIgnore]
    public TimeOnly? AlwaysAfter => Bound(AlwaysAfterHours, AlwaysAfterMinutes);

    /// <summary>A bound with only one of hours and minutes set takes 0 for the other; the ranges are validated on input.</summary>
    private static TimeOnly? Bound(int? hours, int? minutes) =>
        hours is null && minutes is null ? null : new TimeOnly(hours ?? 0, minutes ?? 0);
}
