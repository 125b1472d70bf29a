using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

public sealed record ActionGroupOidResponse([property: JsonPropertyName("actionGroupOID")] string ActionGroupOid);
