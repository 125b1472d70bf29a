using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>POST /setup/calendar/rules answer (the gateway's rule id is its OID).</summary>
public sealed record CalendarRuleOidResponse(
    [property: JsonPropertyName("calendarRuleId")] string CalendarRuleId,
    [property: JsonPropertyName("calendarRuleOID")] string CalendarRuleOid);
