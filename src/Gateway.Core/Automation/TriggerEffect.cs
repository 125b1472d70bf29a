using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>What a trigger does when it fires: run a stored action group.</summary>
public sealed record TriggerEffect
{
    [JsonPropertyName("actionGroupEffect")] public ActionGroupEffect? ActionGroupEffect { get; init; }
}
