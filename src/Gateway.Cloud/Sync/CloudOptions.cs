using Gateway.Cloud.Provisioning;

namespace Gateway.Cloud.Sync;

/// <summary>Gateway:Cloud. Without <see cref="BrokerUri"/> or a provisioning URL the cloud is off and nothing native is loaded.</summary>
public sealed class CloudOptions
{
    /// <summary>mqtt://host[:port] (1883) or mqtts://host[:port] (8883).</summary>
    public string? BrokerUri { get; set; }
    public string? ClientId { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? CaFile { get; set; }
    public string? CertFile { get; set; }
    public string? KeyFile { get; set; }
    public string TopicPrefix { get; set; } = "gatewayd";
    public CloudOutboxOptions Outbox { get; set; } = new();
    public CloudProvisioningOptions Provisioning { get; set; } = new();

    /// <summary>A broker URI or a provisioning URL (which supplies the broker) turns cloud sync on.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(BrokerUri) || Provisioning.Enabled;
}
