using System.Text.Json.Serialization;

namespace Gateway.Core.Location;

/// <summary>Where the home is: what dawn and dusk are computed from (GET/PUT /setup/location).</summary>
public sealed record SetupLocation
{
    [JsonPropertyName("creationTime")] public long CreationTime { get; init; }
    [JsonPropertyName("lastUpdateTime")] public long LastUpdateTime { get; init; }
    [JsonPropertyName("city"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? City { get; init; }
    [JsonPropertyName("country"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Country { get; init; }
    [JsonPropertyName("postalCode"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PostalCode { get; init; }
    [JsonPropertyName("addressLine1"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AddressLine1 { get; init; }
    [JsonPropertyName("addressLine2"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AddressLine2 { get; init; }
    [JsonPropertyName("timezone")] public required string Timezone { get; init; }
    [JsonPropertyName("longitude"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Longitude { get; init; }
    [JsonPropertyName("latitude"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Latitude { get; init; }
    [JsonPropertyName("twilightMode")] public int TwilightMode { get; init; } = 1;
    [JsonPropertyName("twilightAngle")] public string TwilightAngle { get; init; } = "SOLAR";
    [JsonPropertyName("twilightOffsetEnabled")] public bool TwilightOffsetEnabled { get; init; }
    [JsonPropertyName("dawnOffset")] public int DawnOffset { get; init; }
    [JsonPropertyName("duskOffset")] public int DuskOffset { get; init; }
}
