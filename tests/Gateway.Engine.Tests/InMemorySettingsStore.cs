using System.Collections.Concurrent;
using Gateway.Core.Cloud;
using Gateway.Core.Persistence;

namespace Gateway.Engine.Tests;

internal sealed class InMemorySettingsStore : ISettingsStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Values.GetValueOrDefault(key));

    /// <summary>The uplink messages each key's last write carried (none when it carried nothing).</summary>
    public ConcurrentDictionary<string, IReadOnlyList<OutboxMessage>> Uplink { get; } = new(StringComparer.Ordinal);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) => SetAsync(key, value, null, cancellationToken);

    public Task SetAsync(string key, string value, IReadOnlyList<OutboxMessage>? uplink, CancellationToken cancellationToken)
    {
        Values[key] = value;
        Uplink[key] = uplink ?? [];
        return Task.CompletedTask;
    }
}
