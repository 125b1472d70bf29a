using System.Text.Json.Serialization;
using Gateway.Core.Events;

namespace Gateway.Core.Automation;

/// <summary>ConditionGroupCreatedEvent, ConditionGroupUpdatedEvent or ConditionGroupDeletedEvent.</summary>
public sealed record ConditionGroupEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("conditionGroupOID")] string ConditionGroupOid,
    [property: JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata,
    [property: JsonPropertyName("conditions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ConditionBlock>? Conditions,
    [property: JsonIgnore] string Change) : GatewayEvent
{
    public override string Name => $"ConditionGroup{Change}Event";
}
