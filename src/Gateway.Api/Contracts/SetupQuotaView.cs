using System.Text.Json.Serialization;

namespace Gateway.Api.Contracts;

/// <summary>One element of GET /setup/quotas: how many more of a kind of object the gateway accepts.</summary>
public sealed record SetupQuotaView(
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("descriptorId")] string DescriptorId,
    [property: JsonPropertyName("currentValue")] long CurrentValue,
    [property: JsonPropertyName("oid")] string Oid);
