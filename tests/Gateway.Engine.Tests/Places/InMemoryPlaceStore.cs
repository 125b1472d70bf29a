using System.Collections.Concurrent;
using Gateway.Core.Model;
using Gateway.Core.Persistence;

namespace Gateway.Engine.Tests.Places;

internal sealed class InMemoryPlaceStore : IPlaceStore
{
    public ConcurrentDictionary<string, PlaceRecord> Rows { get; } = new(StringComparer.Ordinal);

    public bool Failing { get; set; }

    public Task<IReadOnlyList<PlaceRecord>> LoadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlaceRecord>>(Rows.Values.ToList());

    public Task SaveAsync(PlaceRecord place, CancellationToken cancellationToken)
    {
        if (Failing) throw new IOException("disk full");
        Rows[place.Oid] = place;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string oid, CancellationToken cancellationToken)
    {
        if (Failing) throw new IOException("disk full");
        Rows.TryRemove(oid, out _);
        return Task.CompletedTask;
    }
}
