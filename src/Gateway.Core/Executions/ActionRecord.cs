using System.Text.Json.Serialization;

namespace Gateway.Core.Executions;

/// <summary>The commands of one execution aimed at one device.</summary>
public sealed record ActionRecord(
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("commands")] IReadOnlyList<CommandRecord> Commands);
