using System.Text.Json.Serialization;

namespace Gateway.Cloud.Provisioning;

internal sealed record InstallationResponse(
    [property: JsonPropertyName("installationID")] string? InstallationId,
    [property: JsonPropertyName("installationRegistrationID")] string? InstallationRegistrationId);
