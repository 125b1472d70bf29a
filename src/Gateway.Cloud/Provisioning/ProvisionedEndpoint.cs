namespace Gateway.Cloud.Provisioning;

/// <summary>What provisioning obtained and the gateway keeps: its installation, and the broker to use with its credentials.</summary>
public sealed record ProvisionedEndpoint(
    string InstallationId,
    string InstallationRegistrationId,
    string? Host = null,
    int Port = 0,
    bool UseTls = false,
    string? Username = null,
    string? Password = null,
    string? MqttTopic = null)
{
    public bool HasBroker => !string.IsNullOrEmpty(Host) && Port > 0;
}
