using System.Text.Json.Serialization;

namespace Gateway.Core.Events;

/// <summary>Execution and device event history was cleared (DELETE /history).</summary>
public sealed record HistoryDeletedEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid) : GatewayEvent
{
    public override string Name => "HistoryDeletedEvent";
}
