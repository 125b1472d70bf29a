using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A trigger as the API carries it: exactly one member, named after its type.</summary>
public sealed record SetupTriggerEnvelope
{
    [JsonPropertyName(SetupTriggerTypes.IfThen), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IfThenSetupTrigger? IfThen { get; init; }

    [JsonPropertyName(SetupTriggerTypes.Discrete), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DiscreteTrigger? Discrete { get; init; }

    [JsonPropertyName(SetupTriggerTypes.GenericCommandScheduling), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GenericCommandSchedulingTrigger? GenericCommandScheduling { get; init; }

    [JsonPropertyName(SetupTriggerTypes.DelayedCommandsScheduling), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DelayedCommandsSchedulingTrigger? DelayedCommandsScheduling { get; init; }

    /// <summary>The OID of whichever trigger the envelope carries.</summary>
    [JsonIgnore]
    public string? Oid => IfThen?.Oid ?? Discrete?.Oid ?? GenericCommandScheduling?.Oid ?? DelayedCommandsScheduling?.Oid;

    [JsonIgnore]
    public long CreationTime => IfThen?.CreationTime ?? Discrete?.CreationTime ?? GenericCommandScheduling?.CreationTime ?? DelayedCommandsScheduling?.CreationTime ?? 0;
}
