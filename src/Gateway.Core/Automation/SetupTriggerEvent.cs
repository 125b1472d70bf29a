using System.Text.Json.Serialization;
using Gateway.Core.Events;

namespace Gateway.Core.Automation;

/// <summary>SetupTriggerCreatedEvent, SetupTriggerUpdatedEvent or SetupTriggerDeletedEvent.</summary>
public sealed record SetupTriggerEvent(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("setupOID")] string SetupOid,
    [property: JsonPropertyName("setupTriggerType")] int SetupTriggerType,
    [property: JsonPropertyName("setupTriggerOID")] string SetupTriggerOid,
    [property: JsonPropertyName("setupTriggerId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SetupTriggerId,
    [property: JsonPropertyName("label"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata,
    [property: JsonPropertyName("mode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Mode,
    [property: JsonPropertyName("sourceDeviceURLs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? SourceDeviceUrls,
    [property: JsonPropertyName("effects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TriggerEffect>? Effects,
    [property: JsonPropertyName("rootConditionBlock"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConditionBlock? RootConditionBlock,
    [property: JsonPropertyName("schedulingIntervals"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SchedulingInterval>? SchedulingIntervals,
    [property: JsonIgnore] string Change) : GatewayEvent
{
    public override string Name => $"SetupTrigger{Change}Event";
}
