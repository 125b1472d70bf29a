using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A local time of day, in minutes after midnight (0..1439), in the home's time zone.</summary>
public sealed record DailyTime
{
    [JsonPropertyName("minutesOfDay")] public int? MinutesOfDay { get; init; }
}
