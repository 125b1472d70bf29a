using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>A calendar rule as the API carries it (GET/POST/PUT /setup/calendar/rules): a wrapper of one weekly rule.</summary>
public sealed record CalendarRule(
    [property: JsonPropertyName("weeklyCalendarRule")] WeeklyCalendarRule? WeeklyCalendarRule);
