using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>An element of a calendar day's <c>dayTimeTriggers</c>: the Overkiz wrapper around one time trigger.</summary>
public sealed record DayTimeTrigger(
    [property: JsonPropertyName("startActionGroupTimeTrigger")] TimeTrigger? StartActionGroupTimeTrigger);
