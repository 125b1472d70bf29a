using System.Collections.Concurrent;
using Gateway.Core.Persistence;

namespace Gateway.Cloud.Tests.Provisioning;

internal sealed class MemorySettingsStore : ISettingsStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new();

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Values.GetValueOrDefault(key));

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Values[key] = value;
        return Task.CompletedTask;
    }
}
