using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>GET/PUT /triggers/status: whether triggers run their effects at all on this gateway.</summary>
public sealed record TriggersSwitch
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; } = true;
}
