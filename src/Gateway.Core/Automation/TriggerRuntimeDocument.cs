using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// What the trigger engine persists between runs: activation delays under way, the triggers that fired and wait for
/// their condition to become false before they may fire again, and those among them counting down a deactivation delay.
/// Ids are trigger OIDs, or <c>{oid}#{index}</c> for one value of a discrete trigger.
/// </summary>
public sealed record TriggerRuntimeDocument
{
    [JsonPropertyName("pending")] public IReadOnlyList<PendingActivation> Pending { get; set; } = [];
    [JsonPropertyName("latched")] public IReadOnlyList<string> Latched { get; set; } = [];
    [JsonPropertyName("releasing")] public IReadOnlyList<PendingActivation> Releasing { get; set; } = [];
}
