using System.Text.Json.Serialization;
using Gateway.Core.Events;

namespace Gateway.Core.Calendars;

/// <summary>CalendarDayCreatedEvent, CalendarDayUpdatedEvent (with the day's fields) or CalendarDayDeletedEvent.</summary>
public sealed record CalendarDayEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("calendarDayOID")] string CalendarDayOid,
    [property: JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata,
    [property: JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type,
    [property: JsonPropertyName("dayTimeTriggers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DayTimeTrigger>? DayTimeTriggers,
    [property: JsonIgnore] string Change) : GatewayEvent
{
    public override string Name => $"CalendarDay{Change}Event";

    public static CalendarDayEvent Of(long timestamp, string setupOid, CalendarDay day, string change) =>
        new(timestamp, setupOid, day.Oid!, day.Label, day.Metadata, day.Type, day.DayTimeTriggers, change);

    public static CalendarDayEvent Deleted(long timestamp, string setupOid, string oid) =>
        new(timestamp, setupOid, oid, null, null, null, null, "Deleted");
}
