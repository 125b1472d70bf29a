using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

public sealed record ConditionGroupOidResponse([property: JsonPropertyName("conditionGroupOID")] string ConditionGroupOid);
