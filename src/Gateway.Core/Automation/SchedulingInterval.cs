using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// When a trigger may fire, in the home's time zone; exactly one member is set. Every kind but
/// <c>absoluteSchedule</c> is a daily window (see <see cref="ScheduleWindow"/> for its TIME, DAWN and DUSK edges)
/// repeated on the dates its kind selects:
/// <c>weeklySchedule</c>: every day from startDay to stopDay (1 = Sunday … 7 = Saturday, a range may wrap over the week-end);
/// <c>weekHours</c> and <c>weekDays</c>: the days of dayMask (bit 0 = Monday … bit 6 = Sunday);
/// <c>dailySchedule</c>: every day;
/// <c>annualSchedule</c>: every date from startDay/startMonth to stopDay/stopMonth inclusive (a range may wrap over New Year);
/// <c>annualWeekHours</c>: the dates of that range that are also days of dayMask (bit 7 is ignored).
/// <c>absoluteSchedule</c> is one local period, from startDay/startMonth/startYear at startMinutes to
/// stopDay/stopMonth/stopYear at stopMinutes. <c>dayType</c> is not supported.
/// </summary>
public sealed record SchedulingInterval
{
    [JsonPropertyName("weeklySchedule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? WeeklySchedule { get; init; }

    [JsonPropertyName("weekHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? WeekHours { get; init; }

    [JsonPropertyName("dailySchedule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? DailySchedule { get; init; }

    [JsonPropertyName("weekDays"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? WeekDays { get; init; }

    [JsonPropertyName("annualSchedule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? AnnualSchedule { get; init; }

    [JsonPropertyName("annualWeekHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? AnnualWeekHours { get; init; }

    [JsonPropertyName("absoluteSchedule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ScheduleWindow? AbsoluteSchedule { get; init; }

    public static readonly IReadOnlySet<string> SupportedKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "weeklySchedule", "weekHours", "dailySchedule", "weekDays", "annualSchedule", "annualWeekHours", "absoluteSchedule",
    };
}
