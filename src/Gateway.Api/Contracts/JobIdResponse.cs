using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record JobIdResponse([property: JsonPropertyName("jobId")] string JobId);
