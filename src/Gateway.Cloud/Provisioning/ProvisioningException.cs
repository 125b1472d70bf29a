namespace Gateway.Cloud.Provisioning;

/// <summary>A provisioning failure; <see cref="Retryable"/> ones are tried again with a growing delay.</summary>
public sealed class ProvisioningException(string message, bool retryable, TimeSpan? retryAfter = null) : Exception(message)
{
    public bool Retryable { get; } = retryable;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
