using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record PlaceOidResponse([property: JsonPropertyName("placeOID")] string PlaceOid);
