using Gateway.Core.ActionGroups;

namespace Gateway.Core.Persistence;

public interface IActionGroupStore
{
    Task<IReadOnlyList<ActionGroup>> LoadAllAsync(CancellationToken cancellationToken);

    Task SaveAsync(ActionGroup group, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string oid, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScheduledExecution>> LoadSchedulesAsync(CancellationToken cancellationToken);

    Task SaveScheduleAsync(ScheduledExecution schedule, CancellationToken cancellationToken);

    Task<bool> DeleteScheduleAsync(string triggerId, CancellationToken cancellationToken);
}
