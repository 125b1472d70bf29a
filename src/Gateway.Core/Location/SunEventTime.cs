using System.Text.Json.Serialization;

namespace Gateway.Core.Location;

/// <summary>
/// GET /setup/dawnTime and /setup/duskTime: UTC milliseconds plus local hours and minutes; all absent when the sun
/// does not rise (or set) that day, or no location is known.
/// </summary>
public sealed record SunEventTime(
    [property: JsonPropertyName("hours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Hours,
    [property: JsonPropertyName("minutes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Minutes,
    [property: JsonPropertyName("utc"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Utc)
{
    public static readonly SunEventTime None = new(null, null, null);
}
