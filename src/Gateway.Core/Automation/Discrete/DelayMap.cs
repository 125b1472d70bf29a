using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>Seconds per discrete value (the key of an effects entry); a value absent from the map has no delay.</summary>
public sealed record DelayMap
{
    [JsonPropertyName("map")] public IReadOnlyDictionary<string, int> Map { get; set; } = new Dictionary<string, int>();
}
