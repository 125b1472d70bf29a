using System.Text.Json.Serialization;

namespace Gateway.Cloud.Provisioning;

internal sealed record MqttEndpointResponse(
    [property: JsonPropertyName("installationID")] string? InstallationId,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("mqttTopic")] string? MqttTopic,
    [property: JsonPropertyName("host")] string? Host,
    [property: JsonPropertyName("portTCP")] int? PortTcp,
    [property: JsonPropertyName("portSSL")] int? PortSsl);
