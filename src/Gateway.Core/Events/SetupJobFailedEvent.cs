using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>The end of an asynchronous setup job (a cascading device deletion) whose jobId the API answered.</summary>
public sealed record SetupJobFailedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("jobId")] string JobId) : GatewayEvent
{
    public override string Name => "SetupJobFailedEvent";
}
