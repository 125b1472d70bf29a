using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>The effects a discrete trigger runs when its state takes the value <see cref="Key"/>.</summary>
public sealed record DiscreteEffects
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("effects")] public IReadOnlyList<TriggerEffect> Effects { get; set; } = [];
}
