using Gateway.Core.Executions;
using Gateway.Core.History;

namespace Gateway.Core.Persistence;

/// <summary>The execution and device event history: what /history/* reads, and where device events are kept.</summary>
public interface IEventHistoryStore
{
    Task AppendDeviceEventsAsync(IReadOnlyList<DeviceEvent> events, CancellationToken cancellationToken);

    /// <summary>Deletes device events past the newest <paramref name="keep"/> and those older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneDeviceEventsAsync(int keep, long before, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceEvent>> LoadDeviceEventsAsync(HistoryPage page, CancellationToken cancellationToken);

    Task<DeviceEvent?> FindDeviceEventAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryExecution>> LoadExecutionsAsync(HistoryPage page, CancellationToken cancellationToken);

    /// <summary>A finished execution by id; null when unknown or still running.</summary>
    Task<HistoryExecution?> FindExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finished executions and device events together, newest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> LoadMixedAsync(HistoryPage page, CancellationToken cancellationToken);

    /// <summary>Deletes every finished execution and every device event (running executions stay).</summary>
    Task ClearAsync(CancellationToken cancellationToken);
}
