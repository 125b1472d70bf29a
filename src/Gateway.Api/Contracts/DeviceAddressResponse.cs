using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record DeviceAddressResponse([property: JsonPropertyName("deviceAddress")] string DeviceAddress);
