using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// When a trigger may fire, in the home's time zone; exactly one member is set. <c>weeklySchedule</c>: every day from
/// startDay to stopDay (1 = Sunday … 7 = Saturday), between startMinutes and stopMinutes of the day;
/// <c>weekHours</c>: the days of dayMask (bit 0 = Monday … bit 6 = Sunday), same daily window;
/// <c>dailySchedule</c>: every day. A window whose stop is not after its start runs past midnight.
/// </summary>
public sealed record SchedulingInterval
{
    [JsonPropertyName("weeklySchedule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? WeeklySchedule { get; init; }

    [JsonPropertyName("weekHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? WeekHours { get; init; }

    [JsonPropertyName("dailySchedule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? DailySchedule { get; init; }

    public static readonly IReadOnlySet<string> SupportedKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "weeklySchedule", "weekHours", "dailySchedule",
    };
}
