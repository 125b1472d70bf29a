namespace Gateway.Core.Persistence;

/// <summary>
/// Small key/value storage a radio keeps for itself (network parameters, keys, pending work), one namespace per
/// protocol. Values may be secret: the store lives in the gateway's private data directory.
/// </summary>
public interface IRadioSettingsStore
{
    Task<string?> GetAsync(string protocol, string key, CancellationToken cancellationToken);

    Task SetAsync(string protocol, string key, string value, CancellationToken cancellationToken);

    Task DeleteAsync(string protocol, string key, CancellationToken cancellationToken);

    /// <summary>Every key of the protocol that starts with <paramref name="keyPrefix"/>, with its value.</summary>
    Task<IReadOnlyDictionary<string, string>> ListAsync(string protocol, string keyPrefix, CancellationToken cancellationToken);
}
