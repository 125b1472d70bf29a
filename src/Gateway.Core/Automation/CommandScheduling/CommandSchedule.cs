using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>One schedule of a generic command-scheduling trigger: when (times of day) and with which parameters.</summary>
public sealed record CommandSchedule
{
    [JsonPropertyName("scheduleTimes")] public IReadOnlyList<ScheduleTime> ScheduleTimes { get; set; } = [];

    [JsonPropertyName("parameters"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonElement>? Parameters { get; init; }

    [JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    [JsonPropertyName("enabled")] public bool Enabled { get; set; } = true;
}
