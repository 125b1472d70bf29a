using Gateway.Core.Executions;
using Gateway.Core.Calendars;
using Gateway.Core.Errors;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Scheduling;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Calendars;

/// <summary>
/// Fires the calendar: it compares the wall clock with the firings of yesterday, today and tomorrow (local dates;
/// offsets can move a firing across midnight) and runs each due one's action group through
/// <see cref="ActionGroupService.ExecuteAsync"/> as owner "calendar", source "calendar:&lt;day oid&gt;:&lt;index&gt;".
/// It looks when a one-shot timer armed for the next known firing goes off, so a firing starts within a few
/// milliseconds of its instant, and on a half-second tick: the safety net for wall-clock jumps (the timer counts
/// elapsed time) and the way calendar changes are noticed — a change takes effect within half a second, and the
/// timer is then armed for the new next firing.
/// </summary>
/// <remarks>
/// Each firing is recorded as handled (trigger, local date), durably and before it runs, so it runs at most once:
/// not again after a restart, nor when the clock is set back over it. One found late — the gateway was off or the
/// clock jumped forward — still runs if at most <see cref="GraceWindow"/> late; later than that it is logged and
/// given up (within <see cref="Lookback"/>; older ones are not looked at). Nothing runs while the calendar status
/// is off, and what falls due then is not caught up beyond the grace window.
/// </remarks>
public sealed class CalendarRunner(
    CalendarService calendars,
    ActionGroupService actionGroups,
    TimeProvider time,
    ILogger<CalendarRunner> logger) : IDisposable
{
    public static readonly TimeSpan GraceWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Lookback = TimeSpan.FromHours(12);
    public const string Owner = "calendar";

    private readonly SemaphoreSlim _firing = new(1, 1);
    private ITimer? _timer;
    private WakeTimer? _wake;
    private Quiet? _quiet;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _wake = new WakeTimer(time, () => _ = FireDueAsync());
        _timer = time.CreateTimer(_ => _ = FireDueAsync(), null, TimeSpan.Zero, Tick);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _wake?.Dispose();
    }

    private async Task FireDueAsync()
    {
        if (!await _firing.WaitAsync(0)) return; // the previous look is still at work; it re-arms the timer when done
        DateTimeOffset? wake = null;
        try
        {
            if (!calendars.Status.Enabled) return;
            var now = time.GetUtcNow();
            var stamp = calendars.Stamp;
            // Nothing can fall due before the next known firing unless the calendar changed or the clock went back.
            if (_quiet is { } quiet && quiet.Stamp == stamp && now >= quiet.From && now < quiet.Until)
            {
                wake = quiet.Until; // again, in case the timer went off a little early by the wall clock
                return;
            }

            var next = now + TimeSpan.FromMinutes(1);
            var today = calendars.DateOf(now);
            for (var date = today.AddDays(-1); date <= today.AddDays(1); date = date.AddDays(1))
            {
                foreach (var firing in calendars.ScheduleFor(date).Firings)
                {
                    if (calendars.IsHandled(firing.Key, date)) continue;
                    var at = DateTimeOffset.FromUnixTimeMilliseconds(firing.Utc);
                    if (at > now)
                    {
                        if (at < next) next = at;
                        continue;
                    }
                    var late = now - at;
                    if (late > Lookback) continue;
                    await calendars.MarkHandledAsync(firing.Key, date, CancellationToken.None);
                    if (late <= GraceWindow) await RunAsync(firing);
                    else logger.LogWarning("Calendar trigger {Source} of {Date} was due at {LocalTime}, {Late} ago: skipped",
                        firing.Source, firing.Date, firing.LocalTime, late);
                }
            }
            _quiet = new Quiet(stamp, now, next);
            wake = next;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Calendar tick failed");
        }
        finally
        {
            _firing.Release();
            // After the release, so that a wake-up due at once does not find the semaphore still taken.
            if (wake is { } at) _wake?.At(at);
        }
    }

    private async Task RunAsync(CalendarFiring firing)
    {
        try
        {
            var execId = await actionGroups.ExecuteAsync(firing.ActionGroupOid, firing.LocalActionGroup, Owner, firing.Source, CancellationToken.None,
                ExecutionKind.Planning(firing.TriggerType));
            logger.LogInformation("Calendar trigger {Source} of {Date} ({LocalTime}) started action group {ActionGroup} as {ExecId}",
                firing.Source, firing.Date, firing.LocalTime, firing.ActionGroupOid, execId);
        }
        catch (OverkizException ex)
        {
            // The action group was deleted, no longer validates, or the engine is full: nothing to retry on a schedule.
            logger.LogWarning("Calendar trigger {Source} of {Date} could not run action group {ActionGroup}: {Error}",
                firing.Source, firing.Date, firing.ActionGroupOid, ex.Error.Error ?? ex.Error.ErrorCode);
        }
    }

    private readonly record struct Quiet(ScheduleStamp Stamp, DateTimeOffset From, DateTimeOffset Until);
}
