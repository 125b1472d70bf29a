using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// One state of several devices compared with a fixed value: the body of both <c>atLeastOneDeviceStateCondition</c>
/// (some device satisfies it) and <c>allDevicesStateCondition</c> (every device does).
/// </summary>
public sealed record MultiDeviceStateCondition
{
    [JsonPropertyName("blockId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BlockId { get; init; }

    /// <summary>Seconds the condition must stay true before it counts (only on the root block of a trigger).</summary>
    [JsonPropertyName("activationDelay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ActivationDelay { get; init; }

    /// <summary>Seconds the condition must stay false before it may count again (only on the root block of a trigger).</summary>
    [JsonPropertyName("deactivationDelay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DeactivationDelay { get; init; }

    [JsonPropertyName("stateName")]
    public string StateName { get; set; } = "";

    [JsonPropertyName("operator")]
    public string Operator { get; set; } = "";

    [JsonPropertyName("value1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value1 { get; init; }

    [JsonPropertyName("value2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value2 { get; init; }

    [JsonPropertyName("objectPath"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ObjectPath { get; init; }

    /// <summary>EVENT_BASED or RETRIGGERABLE_ON_STATE_TRANSITION.</summary>
    [JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; init; }

    [JsonPropertyName("deviceURLs")]
    public IReadOnlyList<string> DeviceUrls { get; set; } = [];
}
