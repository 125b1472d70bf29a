using System.Text.Json.Serialization;

namespace Gateway.Core.Calendars;

/// <summary>A named day plan (GET/POST/PUT /setup/calendar/days): the triggers that run on a day a rule gives it to.</summary>
public sealed record CalendarDay
{
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public long LastUpdateTime { get; init; }
    [JsonPropertyName("label")] public string? Label { get; init; }
    [JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Type { get; init; }
    [JsonPropertyName("dayTimeTriggers")] public IReadOnlyList<DayTimeTrigger>? DayTimeTriggers { get; init; }
    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Metadata { get; init; }
    [JsonPropertyName("oid")] public string? Oid { get; init; }

    /// <summary>The triggers in order (their index is part of a firing's identity); never null once stored.</summary>
    [JsonIgnore]
    public IReadOnlyList<TimeTrigger> Triggers =>
        DayTimeTriggers?.Select(t => t.StartActionGroupTimeTrigger).OfType<TimeTrigger>().ToList() ?? [];
}
