using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record ApiVersionResponse([property: JsonPropertyName("protocolVersion")] string ProtocolVersion);
