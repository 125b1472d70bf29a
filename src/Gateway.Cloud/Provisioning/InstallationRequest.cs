using System.Text.Json.Serialization;

namespace Gateway.Cloud.Provisioning;

/// <summary>An MQTT installation owned by the thing of the token: no registration id, no user or thing id.</summary>
internal sealed record InstallationRequest(
    [property: JsonPropertyName("deviceType")] string DeviceType,
    [property: JsonPropertyName("development")] bool Development);
