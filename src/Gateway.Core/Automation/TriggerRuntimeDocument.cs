using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// What the trigger engine persists between runs: activation delays under way, and the triggers that fired and
/// wait for their condition to become false before they may fire again.
/// </summary>
public sealed record TriggerRuntimeDocument
{
    [JsonPropertyName("pending")] public IReadOnlyList<PendingActivation> Pending { get; set; } = [];
    [JsonPropertyName("latched")] public IReadOnlyList<string> Latched { get; set; } = [];
}
