using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>
/// POST /setup/calendar/schedule/{y}/{m}/{d}/dayView: what to leave out of the day view — days, rules, single time
/// triggers (by id), and rules below a priority. Every member is optional.
/// </summary>
public sealed record DayViewFilter
{
    [JsonPropertyName("calendarDaysOid")] public IReadOnlyList<string>? CalendarDaysOid { get; init; }
    [JsonPropertyName("calendarRulesOid")] public IReadOnlyList<string>? CalendarRulesOid { get; init; }
    [JsonPropertyName("timeTriggersId")] public IReadOnlyList<string>? TimeTriggersId { get; init; }
    [JsonPropertyName("priority")] public int? Priority { get; init; }
}
