using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// A state of the trigger's device that must equal <see cref="StateValue"/> for a command schedule to run (numbers
/// compare as numbers, numeric text included; booleans as booleans; anything else as text).
/// </summary>
public sealed record StateRestriction
{
    [JsonPropertyName("stateName")] public string StateName { get; set; } = "";

    [JsonPropertyName("stateValue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? StateValue { get; init; }
}
