using System.Collections.Concurrent;
using Gateway.Core.ActionGroups;
using Gateway.Core.Persistence;

namespace Gateway.Engine.Tests;

internal sealed class InMemoryActionGroupStore : IActionGroupStore
{
    public ConcurrentDictionary<string, ActionGroup> Groups { get; } = new();
    public ConcurrentDictionary<string, ScheduledExecution> Schedules { get; } = new();

    public Task<IReadOnlyList<ActionGroup>> LoadAllAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ActionGroup>>(Groups.Values.ToList());
    public Task SaveAsync(ActionGroup group, CancellationToken cancellationToken) { Groups[group.Oid] = group; return Task.CompletedTask; }
    public Task<bool> DeleteAsync(string oid, CancellationToken cancellationToken) => Task.FromResult(Groups.TryRemove(oid, out _));
    public Task<IReadOnlyList<ScheduledExecution>> LoadSchedulesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ScheduledExecution>>(Schedules.Values.ToList());
    public Task SaveScheduleAsync(ScheduledExecution schedule, CancellationToken cancellationToken) { Schedules[schedule.TriggerId] = schedule; return Task.CompletedTask; }
    public Task<bool> DeleteScheduleAsync(string triggerId, CancellationToken cancellationToken) => Task.FromResult(Schedules.TryRemove(triggerId, out _));
}
