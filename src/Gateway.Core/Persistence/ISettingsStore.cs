using Gateway.Core.Cloud;

namespace Gateway.Core.Persistence;

public interface ISettingsStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>Sets the value and stores the uplink messages reporting the change in one transaction.</summary>
    Task SetAsync(string key, string value, IReadOnlyList<OutboxMessage>? uplink, CancellationToken cancellationToken) => SetAsync(key, value, cancellationToken);
}
