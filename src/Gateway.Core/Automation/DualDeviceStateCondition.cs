using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A comparison of a state of one device with a state of another (or the same) device; no fixed value.</summary>
public sealed record DualDeviceStateCondition
{
    [JsonPropertyName("blockId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BlockId { get; init; }

    /// <summary>Seconds the condition must stay true before it counts (only on the root block of a trigger).</summary>
    [JsonPropertyName("activationDelay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ActivationDelay { get; init; }

    /// <summary>Seconds the condition must stay false before it may count again (only on the root block of a trigger).</summary>
    [JsonPropertyName("deactivationDelay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DeactivationDelay { get; init; }

    [JsonPropertyName("deviceURL1")]
    public string DeviceUrl1 { get; set; } = "";

    [JsonPropertyName("stateName1")]
    public string StateName1 { get; set; } = "";

    [JsonPropertyName("objectPath1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ObjectPath1 { get; init; }

    [JsonPropertyName("deviceURL2")]
    public string DeviceUrl2 { get; set; } = "";

    [JsonPropertyName("stateName2")]
    public string StateName2 { get; set; } = "";

    [JsonPropertyName("objectPath2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ObjectPath2 { get; init; }

    /// <summary>The first state is the left operand: <c>LOWER_THAN</c> holds when state 1 &lt; state 2.</summary>
    [JsonPropertyName("operator")]
    public string Operator { get; set; } = "";
}
