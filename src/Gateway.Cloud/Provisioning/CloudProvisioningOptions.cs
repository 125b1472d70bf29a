namespace Gateway.Cloud.Provisioning;

/// <summary>
/// Gateway:Cloud:Provisioning. With <see cref="Url"/>, <see cref="AppId"/> and <see cref="ThingToken"/> set, the gateway
/// registers itself as an MQTT installation of its thing and takes its broker endpoint and credentials from the cloud.
/// </summary>
public sealed class CloudProvisioningOptions
{
    /// <summary>Base URL of the cloud's REST API, http(s)://host[:port][/path].</summary>
    public string? Url { get; set; }
    public string? AppId { get; set; }

    /// <summary>The thing's access token: the installation is owned by the thing it belongs to.</summary>
    public string? ThingToken { get; set; }

    /// <summary>Marks the installation as a development one.</summary>
    public bool Development { get; set; }

    /// <summary>Connect to the TLS port of the endpoint (mqtts) rather than the plain TCP one.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>First delay before a retry after a retryable failure; doubles up to <see cref="MaxRetrySeconds"/>.</summary>
    public double RetrySeconds { get; set; } = 2;
    public double MaxRetrySeconds { get; set; } = 300;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
