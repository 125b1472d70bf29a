using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A condition block standing for a stored condition group (all of its conditions), kept up to date with it.</summary>
public sealed record ConditionGroupReference
{
    [JsonPropertyName("conditionGroupOID")]
    public string ConditionGroupOid { get; set; } = "";
}
