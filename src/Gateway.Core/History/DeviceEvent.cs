using System.Text.Json.Serialization;

namespace Gateway.Core.History;

/// <summary>A fault or warning that occurred on an actuator or a sensor, as kept in history (GET /history/devicesEvent shape).</summary>
public sealed record DeviceEvent(
    [property: JsonPropertyName("eventTime")] long EventTime,
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subType")] string SubType,
    [property: JsonPropertyName("type")] string Type)
{
    public const string Fault = "FAULT";
    public const string Warning = "WARNING";
}
