using Gateway.Core.ActionGroups;
using Gateway.Core.Cloud;

namespace Gateway.Core.Persistence;

public interface IActionGroupStore
{
    Task<IReadOnlyList<ActionGroup>> LoadAllAsync(CancellationToken cancellationToken);

    Task SaveAsync(ActionGroup group, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="group"/> and the uplink messages reporting it in one transaction.</summary>
    Task SaveAsync(ActionGroup group, IReadOnlyList<OutboxMessage>? uplink, CancellationToken cancellationToken) => SaveAsync(group, cancellationToken);

    Task<bool> DeleteAsync(string oid, CancellationToken cancellationToken);

    /// <summary>Deletes the group and stores the uplink messages reporting it in one transaction.</summary>
    Task<bool> DeleteAsync(string oid, IReadOnlyList<OutboxMessage>? uplink, CancellationToken cancellationToken) => DeleteAsync(oid, cancellationToken);

    Task<IReadOnlyList<ScheduledExecution>> LoadSchedulesAsync(CancellationToken cancellationToken);

    Task SaveScheduleAsync(ScheduledExecution schedule, CancellationToken cancellationToken);

    Task<bool> DeleteScheduleAsync(string triggerId, CancellationToken cancellationToken);
}
