using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record GatewayView(
    [property: JsonPropertyName("connectivity")] GatewayConnectivity Connectivity,
    [property: JsonPropertyName("gatewayId")] string GatewayId);
