using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

public sealed record SetupTriggerIdResponse(
    [property: JsonPropertyName("setupTriggerId")] string SetupTriggerId,
    [property: JsonPropertyName("setupTriggerOID")] string SetupTriggerOid);
