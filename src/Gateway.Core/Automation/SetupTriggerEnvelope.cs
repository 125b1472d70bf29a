using System.Text.Json.Serialization;

namespace Gateway.Core.Automation;

/// <summary>A trigger as the API carries it: exactly one member, named after its type.</summary>
public sealed record SetupTriggerEnvelope
{
    [JsonPropertyName(SetupTriggerTypes.IfThen), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IfThenSetupTrigger? IfThen { get; init; }

    [JsonPropertyName(SetupTriggerTypes.Discrete), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DiscreteTrigger? Discrete { get; init; }

    /// <summary>The OID of whichever trigger the envelope carries.</summary>
    [JsonIgnore]
    public string? Oid => IfThen?.Oid ?? Discrete?.Oid;

    [JsonIgnore]
    public long CreationTime => IfThen?.CreationTime ?? Discrete?.CreationTime ?? 0;
}
