using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>
/// Which calendar day applies on which weekdays (<see cref="DayMask"/>: bit 0 = Monday … bit 6 = Sunday), within an
/// optional date range. Rules are taken by descending <see cref="Priority"/>; a <see cref="FinalRule"/> stops the
/// rules below it. A range with years is absolute; without years (month and day only) it repeats every year.
/// Time-of-day window, period, presence filter and randomTimeRange are kept as given but not interpreted.
/// </summary>
public sealed record WeeklyCalendarRule
{
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public long LastUpdateTime { get; init; }
    [JsonPropertyName("priority")] public int Priority { get; init; }
    [JsonPropertyName("calendarDayOID")] public string? CalendarDayOid { get; init; }
    [JsonPropertyName("finalRule")] public bool FinalRule { get; init; }
    [JsonPropertyName("randomTimeRange")] public int RandomTimeRange { get; init; }
    [JsonPropertyName("dayType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DayType { get; init; }
    [JsonPropertyName("enabled")] public bool Enabled { get; set; } = true; // settable: source-generated JSON sets every init-only property, so an absent "enabled" would turn false
    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Metadata { get; init; }
    [JsonPropertyName("startTimeHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartTimeHours { get; init; }
    [JsonPropertyName("startTimeMinutes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartTimeMinutes { get; init; }
    [JsonPropertyName("endTimeHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndTimeHours { get; init; }
    [JsonPropertyName("endTimeMinutes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndTimeMinutes { get; init; }
    [JsonPropertyName("startYear"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartYear { get; init; }
    [JsonPropertyName("startMonth"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartMonth { get; init; }
    [JsonPropertyName("startDay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartDay { get; init; }
    [JsonPropertyName("endYear"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndYear { get; init; }
    [JsonPropertyName("endMonth"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndMonth { get; init; }
    [JsonPropertyName("endDay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndDay { get; init; }
    [JsonPropertyName("period"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Period { get; init; }
    [JsonPropertyName("presenceFilter"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PresenceFilter { get; init; }
    [JsonPropertyName("dayMask")] public int DayMask { get; init; }
    [JsonPropertyName("oid")] public string? Oid { get; init; }

    /// <summary>All seven days.</summary>
    public const int EveryDay = 0x7F;

    /// <summary>Monday to Friday.</summary>
    public const int WorkDays = 0x1F;

    /// <summary>Saturday and Sunday.</summary>
    public const int Weekend = 0x60;

    /// <summary>The <see cref="DayMask"/> bit of a weekday: Monday 1, Tuesday 2 … Sunday 64.</summary>
    public static int MaskOf(DayOfWeek day) => 1 << (((int)day + 6) % 7);
}
