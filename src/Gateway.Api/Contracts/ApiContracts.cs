using System.Text.Json.Serialization;
using Gateway.Core.Model;

namespace Gateway.Api.Contracts;

public sealed record ApiVersionResponse([property: JsonPropertyName("protocolVersion")] string ProtocolVersion);

public sealed record ExecIdResponse([property: JsonPropertyName("execId")] string ExecId);

public sealed record ListenerIdResponse([property: JsonPropertyName("id")] string Id);

public sealed record ErrorResponse(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("errorCode")] string ErrorCode);

public sealed record GatewayConnectivity(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("protocolVersion")] string ProtocolVersion);

public sealed record GatewayView(
    [property: JsonPropertyName("connectivity")] GatewayConnectivity Connectivity,
    [property: JsonPropertyName("gatewayId")] string GatewayId);

public sealed record SetupView(
    [property: JsonPropertyName("gateways")] IReadOnlyList<GatewayView> Gateways,
    [property: JsonPropertyName("devices")] IReadOnlyList<Device> Devices);
