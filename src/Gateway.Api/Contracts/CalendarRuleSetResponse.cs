using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>POST /setup/calendar/ruleSet answer, in the order of the request.</summary>
public sealed record CalendarRuleSetResponse(
    [property: JsonPropertyName("calendarRulesIds")] IReadOnlyList<string> CalendarRulesIds,
    [property: JsonPropertyName("calendarRulesOIDs")] IReadOnlyList<string> CalendarRulesOids);
