using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>
/// GET /setup/calendar/schedule/{year}/{month}/{day}: the OIDs of the calendar days and rules that apply on the date
/// and, beyond the box's answer, the resolved <see cref="Firings"/> in time order.
/// </summary>
public sealed record CalendarSchedule(
    [property: JsonPropertyName("calendarDays")] IReadOnlyList<string> CalendarDays,
    [property: JsonPropertyName("calendarRules")] IReadOnlyList<string> CalendarRules,
    [property: JsonPropertyName("firings")] IReadOnlyList<CalendarFiring> Firings);
