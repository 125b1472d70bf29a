using System.Text.Json.Serialization;

namespace Gateway.Core.Model;

/// <summary>
/// A device of the setup as the API shows it. Immutable: the registry replaces the whole record when anything changes.
/// </summary>
public sealed record Device
{
    [JsonPropertyName("creationTime")] public required long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public required long LastUpdateTime { get; init; }
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("deviceURL")] public required string DeviceUrl { get; init; }
    [JsonPropertyName("controllableName")] public required string ControllableName { get; init; }
    [JsonPropertyName("definition")] public required DeviceDefinition Definition { get; init; }
    [JsonPropertyName("states")] public required IReadOnlyList<DeviceState> States { get; init; }
    [JsonPropertyName("attributes")] public required IReadOnlyList<DeviceState> Attributes { get; init; }
    [JsonPropertyName("available")] public required bool Available { get; init; }
    [JsonPropertyName("enabled")] public bool Enabled { get; init; } = true;
    [JsonPropertyName("placeOID")] public required string PlaceOid { get; init; }
    [JsonPropertyName("type")] public required int Type { get; init; }
    [JsonPropertyName("oid")] public required string Oid { get; init; }
    [JsonPropertyName("synced")] public bool Synced { get; init; } = true;
    [JsonPropertyName("subsystemId")] public int SubsystemId { get; init; }

    public DeviceState? FindState(string name)
    {
        foreach (var state in States)
            if (state.Name == name) return state;
        return null;
    }
}
