using System.Text.Json.Serialization;

namespace Gateway.Core.Executions;

public sealed record FailedCommand(
    [property: JsonPropertyName("deviceURL")] string DeviceUrl,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("failureType")] string FailureType);
