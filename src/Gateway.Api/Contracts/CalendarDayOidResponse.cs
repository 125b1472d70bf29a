using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>POST /setup/calendar/days answer.</summary>
public sealed record CalendarDayOidResponse([property: JsonPropertyName("calendarDayOID")] string CalendarDayOid);
