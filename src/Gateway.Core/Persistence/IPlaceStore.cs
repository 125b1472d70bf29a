using Gateway.Core.Model;

namespace Gateway.Core.Persistence;

public interface IPlaceStore
{
    Task<IReadOnlyList<PlaceRecord>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the place; on disk when the task completes.</summary>
    Task SaveAsync(PlaceRecord place, CancellationToken cancellationToken);

    Task DeleteAsync(string oid, CancellationToken cancellationToken);
}
