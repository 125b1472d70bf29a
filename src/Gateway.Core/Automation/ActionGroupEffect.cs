using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>Runs the stored action group <see cref="ActionGroupOid"/>; managed (local) action groups are refused.</summary>
public sealed record ActionGroupEffect
{
    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("actionGroupOID")] public string ActionGroupOid { get; set; } = "";

    [JsonPropertyName("localActionGroup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? LocalActionGroup { get; init; }
}
