using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// When a command schedule runs. Only <c>dailyTime</c> is run by this gateway; any other member (another kind of
/// schedule time) is kept in <see cref="Other"/> so that validation can refuse it by name.
/// </summary>
public sealed record ScheduleTime
{
    [JsonPropertyName("dailyTime"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DailyTime? DailyTime { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}
