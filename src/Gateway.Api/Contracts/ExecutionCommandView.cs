using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>One command of a finished execution, with how it ended.</summary>
public sealed record ExecutionCommandView(
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("parameters")] IReadOnlyList<JsonElement> Parameters,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("dynamic")] bool Dynamic,
    [property: JsonPropertyName("delay")] int Delay,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("failureType")] string FailureType);
