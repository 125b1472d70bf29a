namespace Gateway.Cloud.Provisioning;

/// <summary>Supplies the broker to connect to when it is not configured but obtained from the cloud.</summary>
public interface ICloudEndpointSource
{
    /// <summary>Completes with a usable endpoint, retrying what can be retried; throws <see cref="ProvisioningException"/> when it cannot succeed.</summary>
    Task<ProvisionedEndpoint> ResolveAsync(CancellationToken cancellationToken);
}
