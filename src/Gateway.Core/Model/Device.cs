using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

/// <summary>
/// A device of the setup as the API shows it, fields in the order a TaHoma box sends them (then the identifiers a
/// local box leaves out). Immutable: the registry replaces the whole record when anything changes.
/// </summary>
public sealed record Device
{
    [JsonPropertyName("deviceURL")] public required string DeviceUrl { get; init; }
    [JsonPropertyName("available")] public required bool Available { get; init; }
    [JsonPropertyName("synced")] public bool Synced { get; init; } = true;
    [JsonPropertyName("type")] public required int Type { get; init; }
    [JsonPropertyName("states")] public required IReadOnlyList<DeviceState> States { get; init; }
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("subsystemId")] public int SubsystemId { get; init; }
    [JsonPropertyName("attributes")] public required IReadOnlyList<DeviceState> Attributes { get; init; }
    [JsonPropertyName("enabled")] public bool Enabled { get; init; } = true;
    [JsonPropertyName("controllableName")] public required string ControllableName { get; init; }
    [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Metadata { get; init; }
    [JsonPropertyName("definition")] public required DeviceDefinition Definition { get; init; }
    [JsonPropertyName("oid")] public required string Oid { get; init; }
    [JsonPropertyName("placeOID")] public required string PlaceOid { get; init; }
    [JsonPropertyName("creationTime")] public required long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public required long LastUpdateTime { get; init; }

    public DeviceState? FindState(string name)
    {
        foreach (var state in States)
            if (state.Name == name) return state;
        return null;
    }
}
