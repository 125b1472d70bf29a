using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Core.Executions;

/// <summary>One command of an action, as shown back in executions and events.</summary>
public sealed record CommandRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("parameters"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<JsonElement>? Parameters,
    [property: JsonPropertyName("delay"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Delay)
{
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public int Type => 1;
}
