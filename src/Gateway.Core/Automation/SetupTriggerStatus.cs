using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>
/// GET /triggers/{type}/{oid}/status. <c>subTriggersStatus</c> has one entry, the trigger's condition (active while it
/// holds); <c>activationDeadline</c> (UTC ms, this gateway's addition) is when a pending activation will fire.
/// </summary>
public sealed record SetupTriggerStatus(
    [property: JsonPropertyName("triggerOID")] string TriggerOid,
    [property: JsonPropertyName("mode")] int Mode,
    [property: JsonPropertyName("schedulingIntervalsStatus")] IReadOnlyList<bool> SchedulingIntervalsStatus,
    [property: JsonPropertyName("subTriggersStatus")] IReadOnlyList<SubTriggerStatus> SubTriggersStatus,
    [property: JsonPropertyName("activationDeadline"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ActivationDeadline);
