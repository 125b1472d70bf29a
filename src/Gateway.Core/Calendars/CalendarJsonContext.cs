using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>Source-generated JSON of the calendar: its API shapes, what it keeps in settings, and its events.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CalendarDay))]
[JsonSerializable(typeof(IReadOnlyList<CalendarDay>))]
[JsonSerializable(typeof(CalendarRule))]
[JsonSerializable(typeof(IReadOnlyList<CalendarRule>))]
[JsonSerializable(typeof(WeeklyCalendarRule))]
[JsonSerializable(typeof(IReadOnlyList<WeeklyCalendarRule>))]
[JsonSerializable(typeof(CalendarStatus))]
[JsonSerializable(typeof(DayViewFilter))]
[JsonSerializable(typeof(CalendarSchedule))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, CalendarSchedule>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(CalendarDayEvent))]
[JsonSerializable(typeof(CalendarRuleEvent))]
public sealed partial class CalendarJsonContext : JsonSerializerContext
{
    /// <summary>The same contract with <see cref="Gateway.Core.Json.RelaxedJson"/> escaping: what the API writes.</summary>
    public static CalendarJsonContext Relaxed => field ??= new(Gateway.Core.Json.RelaxedJson.Copy(Default.Options));
}
