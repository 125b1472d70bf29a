using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A trigger whose condition holds and which fires at <see cref="Deadline"/> (UTC ms) if it still holds.</summary>
public sealed record PendingActivation(
    [property: JsonPropertyName("triggerOID")] string TriggerOid,
    [property: JsonPropertyName("deadline")] long Deadline);
