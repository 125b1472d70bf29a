using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>PUT /triggers/test/discrete/{oid}: runs the effects of one value now.</summary>
public sealed record DiscreteTestRequest
{
    [JsonPropertyName("targetValue")] public string TargetValue { get; set; } = "";
}
