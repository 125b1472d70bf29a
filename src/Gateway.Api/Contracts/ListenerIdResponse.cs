using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record ListenerIdResponse([property: JsonPropertyName("id")] string Id);
