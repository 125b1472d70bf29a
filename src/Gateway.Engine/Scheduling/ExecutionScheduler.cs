using System.Collections.Concurrent;
using Gateway.Core.ActionGroups;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Limits;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Engine.ActionGroups;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Scheduling;

/// <summary>
/// Runs action groups at a given UTC time. Schedules are persisted. A one-shot timer is armed for the earliest due
/// instant (re-armed whenever schedules are added, cancelled or fired), so a schedule starts within a few
/// milliseconds of its time; a half-second tick compares the schedules with the wall clock as well, as the safety net
/// for wall-clock jumps the timer (which counts elapsed time) does not see. So a clock corrected by NTP neither fires
/// a schedule twice (it is removed as it fires) nor skips one (a jump forward makes it due at once). A schedule found
/// late — the gateway was off, or the clock jumped — still runs if it is less than <see cref="GraceWindow"/> late;
/// beyond that it is recorded in history as missed.
/// </summary>
public sealed class ExecutionScheduler(
    IActionGroupStore store,
    IExecutionStore history,
    ActionGroupService actionGroups,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    ILogger<ExecutionScheduler> logger) : IDisposable
{
    public static readonly TimeSpan GraceWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    public const int MaxSchedules = ApiLimits.MaxScheduledExecutions;
    public const string MissedFailure = "MISSED_WHILE_OFF";

    private readonly ConcurrentDictionary<string, ScheduledExecution> _schedules = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _firing = new(1, 1);
    private ITimer? _timer;
    private WakeTimer? _wake;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var schedule in await store.LoadSchedulesAsync(cancellationToken))
        {
            if (schedule.UtcTime is > 0 and <= ApiLimits.MaxUtcTimeMilliseconds && !string.IsNullOrEmpty(schedule.TriggerId)) _schedules[schedule.TriggerId] = schedule;
            else logger.LogWarning("Stored scheduled execution {TriggerId} has an impossible time {UtcTime}; skipped", schedule.TriggerId, schedule.UtcTime);
        }
        _wake = new WakeTimer(time, () => _ = FireDueAsync());
        _timer = time.CreateTimer(_ => _ = FireDueAsync(), null, TimeSpan.Zero, Tick);
    }

    public IReadOnlyList<ScheduledExecution> All() => _schedules.Values.OrderBy(s => s.UtcTime).ToList();

    public IReadOnlyList<ScheduledExecution> ForGroup(string actionGroupOid) => All().Where(s => s.ActionGroupOid == actionGroupOid).ToList();

    public ScheduledExecution? Find(string triggerId) => _schedules.GetValueOrDefault(triggerId);

    public async Task<ScheduledExecution> ScheduleAsync(string actionGroupOid, long utcTime, CancellationToken cancellationToken)
    {
        // Validated before anything is built or stored: a refused schedule leaves nothing behind.
        if (utcTime is <= 0 or > ApiLimits.MaxUtcTimeMilliseconds)
            throw new OverkizException(OverkizError.BadParameters($"utcTimestamp must be milliseconds since 1970-01-01 UTC, at most {ApiLimits.MaxUtcTimeMilliseconds} (end of year 9999)"));
        var group = actionGroups.Find(actionGroupOid) ?? throw new OverkizException(OverkizError.UnknownObject());
        if (utcTime < Now() - (long)GraceWindow.TotalMilliseconds)
            throw new OverkizException(OverkizError.BadParameters("the schedule time is in the past"));
        if (_schedules.Count >= MaxSchedules) throw new OverkizException(OverkizError.BadParameters($"at most {MaxSchedules} scheduled executions"));
        var schedule = new ScheduledExecution(Guid.NewGuid().ToString(), group.Label, utcTime, actionGroupOid);
        await store.SaveScheduleAsync(schedule, cancellationToken);
        _schedules[schedule.TriggerId] = schedule;
        Arm();
        bus.Publish(new DelayedTriggerEvent(Now(), identity.SetupOid, schedule.TriggerId, Set: true));
        logger.LogInformation("Action group {Label} scheduled for {Time:u} ({TriggerId})", group.Label, DateTimeOffset.FromUnixTimeMilliseconds(utcTime), schedule.TriggerId);
        return schedule;
    }

    public async Task<bool> CancelAsync(string triggerId, CancellationToken cancellationToken)
    {
        if (!_schedules.TryRemove(triggerId, out _)) return false;
        Arm();
        await store.DeleteScheduleAsync(triggerId, cancellationToken);
        bus.Publish(new DelayedTriggerEvent(Now(), identity.SetupOid, triggerId, Set: false));
        return true;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _wake?.Dispose();
    }

    /// <summary>Sets the wake-up timer to the earliest schedule's instant, or stops it when nothing is scheduled.</summary>
    private void Arm() => _wake?.At(() =>
    {
        var earliest = long.MaxValue;
        foreach (var schedule in _schedules.Values) earliest = Math.Min(earliest, schedule.UtcTime);
        return earliest == long.MaxValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(earliest);
    });

    private async Task FireDueAsync()
    {
        if (!await _firing.WaitAsync(0)) return; // the previous firing is still at work; it re-arms the timer when done
        try
        {
            var now = Now();
            foreach (var schedule in _schedules.Values.Where(s => s.UtcTime <= now).OrderBy(s => s.UtcTime).ToList())
            {
                if (!_schedules.TryRemove(schedule.TriggerId, out _)) continue;
                try
                {
                    await store.DeleteScheduleAsync(schedule.TriggerId, CancellationToken.None);
                    if (now - schedule.UtcTime <= (long)GraceWindow.TotalMilliseconds) await RunAsync(schedule);
                    else await RecordMissedAsync(schedule, now);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Scheduled execution {TriggerId} could not run", schedule.TriggerId);
                }
            }
        }
        finally
        {
            _firing.Release();
            // After the release: a wake-up due at once must not find the semaphore still taken.
            Arm();
        }
    }

    private async Task RunAsync(ScheduledExecution schedule)
    {
        try
        {
            var execId = await actionGroups.ExecuteAsync(schedule.ActionGroupOid, "scheduler", $"schedule:{schedule.TriggerId}", CancellationToken.None, ExecutionKind.Delayed);
            logger.LogInformation("Scheduled execution {TriggerId} started as {ExecId}", schedule.TriggerId, execId);
        }
        catch (OverkizException ex)
        {
            // The group was deleted or no longer validates (a device is gone): keep a trace of what did not run.
            logger.LogWarning("Scheduled execution {TriggerId} refused: {Error}", schedule.TriggerId, ex.Error.Error);
            await RecordAsync(schedule, Now(), "NON_EXECUTING");
        }
    }

    private async Task RecordMissedAsync(ScheduledExecution schedule, long now)
    {
        logger.LogWarning("Scheduled execution {TriggerId} was due {Late} ago: recorded as missed", schedule.TriggerId, TimeSpan.FromMilliseconds(now - schedule.UtcTime));
        await RecordAsync(schedule, now, MissedFailure);
    }

    private async Task RecordAsync(ScheduledExecution schedule, long now, string failure)
    {
        var actions = actionGroups.Find(schedule.ActionGroupOid)?.Actions ?? [];
        var request = new ExecutionRequest(schedule.Label, actions, "scheduler", $"schedule:{schedule.TriggerId}") { Kind = ExecutionKind.Delayed };
        var id = Guid.NewGuid().ToString();
        await history.RecordStartedAsync(id, request, schedule.UtcTime, CancellationToken.None);
        await history.RecordFinishedAsync(new HistoryExecution
        {
            Id = id, EventTime = schedule.UtcTime, Owner = "scheduler", Source = request.Source, Label = schedule.Label,
            EffectiveStartTime = schedule.UtcTime, EndTime = now, State = ExecutionState.Failed, FailureType = failure, Actions = actions, Kind = request.Kind,
        }, CancellationToken.None);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
