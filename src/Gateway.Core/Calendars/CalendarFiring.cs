using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>
/// One resolved firing: trigger <see cref="TriggerIndex"/> of a calendar day, for a local <see cref="Date"/>, at an
/// exact instant (<see cref="Utc"/>, milliseconds) shown also as local time. The preview and the runner compute the
/// same list, random offsets included.
/// </summary>
public sealed record CalendarFiring
{
    [JsonPropertyName("date")] public required string Date { get; init; }
    [JsonPropertyName("calendarRuleOID")] public required string CalendarRuleOid { get; init; }
    [JsonPropertyName("calendarDayOID")] public required string CalendarDayOid { get; init; }
    [JsonPropertyName("triggerIndex")] public required int TriggerIndex { get; init; }
    [JsonPropertyName("triggerId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? TriggerId { get; init; }
    [JsonPropertyName("triggerType")] public required string TriggerType { get; init; }
    [JsonPropertyName("actionGroupOID")] public required string ActionGroupOid { get; init; }

    /// <summary>The managed group the trigger carries inline, run instead of a stored one.</summary>
    [JsonPropertyName("localActionGroup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public System.Text.Json.JsonElement? LocalActionGroup { get; init; }
    [JsonPropertyName("utc")] public required long Utc { get; init; }
    [JsonPropertyName("hours")] public required int Hours { get; init; }
    [JsonPropertyName("minutes")] public required int Minutes { get; init; }
    [JsonPropertyName("localTime")] public required string LocalTime { get; init; }

    /// <summary>What the firing is remembered by: one firing per trigger per local date.</summary>
    [JsonIgnore]
    public string Key => $"{CalendarDayOid}:{TriggerIndex}";

    /// <summary>The execution source the action group runs under.</summary>
    [JsonIgnore]
    public string Source => $"calendar:{CalendarDayOid}:{TriggerIndex}";
}
