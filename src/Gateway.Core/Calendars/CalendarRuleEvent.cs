using System.Text.Json.Serialization;
using Gateway.Core.Events;

namespace Gateway.Core.Calendars;

/// <summary>CalendarRuleCreatedEvent, CalendarRuleUpdatedEvent (with the rule's fields) or CalendarRuleDeletedEvent.</summary>
public sealed record CalendarRuleEvent : GatewayEvent
{
    [JsonPropertyName("timestamp")] public required long Timestamp { get; init; }
    [JsonPropertyName("setupOID")] public required string SetupOid { get; init; }
    [JsonPropertyName("calendarRuleOID")] public required string CalendarRuleOid { get; init; }
    [JsonPropertyName("calendarRuleId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CalendarRuleId { get; init; }
    [JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Type { get; init; }
    [JsonPropertyName("priority"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Priority { get; init; }
    [JsonPropertyName("calendarDayOID"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CalendarDayOid { get; init; }
    [JsonPropertyName("dayType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DayType { get; init; }
    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Metadata { get; init; }
    [JsonPropertyName("finalRule"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? FinalRule { get; init; }
    [JsonPropertyName("randomTimeRange"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? RandomTimeRange { get; init; }
    [JsonPropertyName("startDay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartDay { get; init; }
    [JsonPropertyName("startMonth"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartMonth { get; init; }
    [JsonPropertyName("startYear"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartYear { get; init; }
    [JsonPropertyName("startTimeHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartTimeHours { get; init; }
    [JsonPropertyName("startTimeMinutes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? StartTimeMinutes { get; init; }
    [JsonPropertyName("endDay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndDay { get; init; }
    [JsonPropertyName("endMonth"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndMonth { get; init; }
    [JsonPropertyName("endYear"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndYear { get; init; }
    [JsonPropertyName("endTimeHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndTimeHours { get; init; }
    [JsonPropertyName("endTimeMinutes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? EndTimeMinutes { get; init; }
    [JsonIgnore] public string Change { get; init; } = "Created";

    public override string Name => $"CalendarRule{Change}Event";

    public static CalendarRuleEvent Of(long timestamp, string setupOid, WeeklyCalendarRule rule, string change) => new()
    {
        Timestamp = timestamp, SetupOid = setupOid, CalendarRuleOid = rule.Oid!, CalendarRuleId = rule.Oid, Type = "WEEKLY",
        Priority = rule.Priority, CalendarDayOid = rule.CalendarDayOid, DayType = rule.DayType, Metadata = rule.Metadata,
        FinalRule = rule.FinalRule, RandomTimeRange = rule.RandomTimeRange,
        StartDay = rule.StartDay, StartMonth = rule.StartMonth, StartYear = rule.StartYear,
        StartTimeHours = rule.StartTimeHours, StartTimeMinutes = rule.StartTimeMinutes,
        EndDay = rule.EndDay, EndMonth = rule.EndMonth, EndYear = rule.EndYear,
        EndTimeHours = rule.EndTimeHours, EndTimeMinutes = rule.EndTimeMinutes, Change = change,
    };

    public static CalendarRuleEvent Deleted(long timestamp, string setupOid, string oid) =>
        new() { Timestamp = timestamp, SetupOid = setupOid, CalendarRuleOid = oid, Change = "Deleted" };
}
