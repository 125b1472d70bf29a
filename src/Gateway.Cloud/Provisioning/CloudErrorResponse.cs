using System.Text.Json.Serialization;

namespace Gateway.Cloud.Provisioning;

internal sealed record CloudErrorResponse(
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("message")] string? Message);
