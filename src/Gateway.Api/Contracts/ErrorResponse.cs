using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record ErrorResponse(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("errorCode")] string ErrorCode);
