using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>Runs the inline (managed) <see cref="LocalActionGroup"/> when there is one, else the stored group <see cref="ActionGroupOid"/>.</summary>
public sealed record ActionGroupEffect
{
    [JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    [JsonPropertyName("actionGroupOID")] public string ActionGroupOid { get; set; } = "";

    [JsonPropertyName("localActionGroup"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? LocalActionGroup { get; init; }
}
