using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// The fields of one scheduling interval (see <see cref="SchedulingInterval"/> for which ones each kind uses). An edge
/// (start or stop) of type TIME is startMinutes/stopMinutes of the local day; DAWN is that date's sunrise and DUSK its
/// sunset, plus startOffset/stopOffset minutes (-720 .. 720); then the edge is held no earlier than
/// startAlwaysAfter/stopAlwaysAfter and no later than startAlwaysBefore/stopAlwaysBefore ("HH:mm"). Solar angles are
/// not supported (null or 0 only).
/// </summary>
public sealed record ScheduleWindow
{
    [JsonPropertyName("startMinutes")] public int StartMinutes { get; init; }
    [JsonPropertyName("stopMinutes")] public int StopMinutes { get; init; }

    [JsonPropertyName("startType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StartType { get; init; }

    [JsonPropertyName("stopType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StopType { get; init; }

    [JsonPropertyName("startOffset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StartOffset { get; init; }

    [JsonPropertyName("stopOffset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StopOffset { get; init; }

    [JsonPropertyName("startAngle"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StartAngle { get; init; }

    [JsonPropertyName("stopAngle"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StopAngle { get; init; }

    [JsonPropertyName("startAlwaysBefore"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StartAlwaysBefore { get; init; }

    [JsonPropertyName("stopAlwaysBefore"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StopAlwaysBefore { get; init; }

    [JsonPropertyName("startAlwaysAfter"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StartAlwaysAfter { get; init; }

    [JsonPropertyName("stopAlwaysAfter"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StopAlwaysAfter { get; init; }

    [JsonPropertyName("startDay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StartDay { get; init; }

    [JsonPropertyName("stopDay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StopDay { get; init; }

    [JsonPropertyName("dayMask"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DayMask { get; init; }

    [JsonPropertyName("startMonth"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StartMonth { get; init; }

    [JsonPropertyName("stopMonth"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StopMonth { get; init; }

    [JsonPropertyName("startYear"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StartYear { get; init; }

    [JsonPropertyName("stopYear"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? StopYear { get; init; }
}
