using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record GatewayConnectivity(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("protocolVersion")] string ProtocolVersion);
