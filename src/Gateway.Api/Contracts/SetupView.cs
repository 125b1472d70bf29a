using System.Text.Json.Serialization;
using Gateway.Core.Model;

namespace Gateway.Api.Contracts;

public sealed record SetupView(
    [property: JsonPropertyName("gateways")] IReadOnlyList<GatewayView> Gateways,
    [property: JsonPropertyName("devices")] IReadOnlyList<Device> Devices,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata,
    [property: JsonPropertyName("rootPlace")] Place RootPlace);
