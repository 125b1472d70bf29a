using System.Collections.Concurrent;

namespace Gateway.Core.Persistence;

/// <summary>A radio settings store that forgets everything at exit: for tests and for radios started without storage.</summary>
public sealed class InMemoryRadioSettingsStore : IRadioSettingsStore
{
    private readonly ConcurrentDictionary<(string Protocol, string Key), string> _values = new();

    public Task<string?> GetAsync(string protocol, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue((protocol, key), out var value) ? value : null);

    public Task SetAsync(string protocol, string key, string value, CancellationToken cancellationToken)
    {
        _values[(protocol, key)] = value;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string protocol, string key, CancellationToken cancellationToken)
    {
        _values.TryRemove((protocol, key), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, string>> ListAsync(string protocol, string keyPrefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_values
            .Where(e => e.Key.Protocol == protocol && e.Key.Key.StartsWith(keyPrefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key.Key, e => e.Value, StringComparer.Ordinal));
}
