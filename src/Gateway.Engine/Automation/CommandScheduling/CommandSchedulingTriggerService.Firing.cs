using System.Collections.Immutable;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Engine.Calendars;
using Gateway.Engine.Scheduling;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation.CommandScheduling;

/// <summary>The clock side: the tick, the timer armed for the next firing, and running what falls due.</summary>
public sealed partial class CommandSchedulingTriggerService
{
    private readonly SemaphoreSlim _firing = new(1, 1);
    private volatile bool _running;
    private int _requested;
    private ITimer? _tick;
    private WakeTimer? _wake;
    private Quiet? _quiet;
    private ZoneCache? _zone;

    /// <summary>Handles at once what fell due while the gateway was off (run if within the grace window), then follows the clock.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        _running = true;
        _wake = new WakeTimer(time, Wake);
        await RequestAsync();
        _tick = time.CreateTimer(_ => Wake(), null, Tick, Tick);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        _running = false;
        _tick?.Dispose();
        _wake?.Dispose();
        await _firing.WaitAsync(ct); // a tick under way finishes first
        _firing.Release();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Asks for a tick (from a timer or after a change); never throws.</summary>
    private void Wake() => _ = RequestAsync();

    private Task RequestAsync()
    {
        if (!_running) return Task.CompletedTask;
        Interlocked.Exchange(ref _requested, 1);
        return PumpAsync();
    }

    /// <summary>One tick at a time; a request arriving during a tick makes it run once more (none is lost).</summary>
    private async Task PumpAsync()
    {
        while (true)
        {
            if (!await _firing.WaitAsync(0)) return; // the running tick will see the request
            try
            {
                while (_running && Interlocked.Exchange(ref _requested, 0) == 1) await TickAsync();
            }
            finally
            {
                _firing.Release();
            }
            if (!_running || Volatile.Read(ref _requested) == 0) return;
        }
    }

    private async Task TickAsync()
    {
        try
        {
            var now = time.GetUtcNow();
            var zone = Zone();
            var version = Volatile.Read(ref _version);
            // Nothing can fall due before the next firing unless a trigger changed or the clock went back.
            if (_quiet is { } quiet && quiet.Version == version && quiet.Zone == zone && now >= quiet.From && now < quiet.Until) return;

            await _gate.WaitAsync();
            try
            {
                version = Volatile.Read(ref _version);
                var next = await FireDueAsync(now, zone);
                var until = now + TimeSpan.FromMinutes(1);
                _quiet = new Quiet(version, zone, now, next is { } n && n < until ? n : until);
                _wake?.At(next);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (ObjectDisposedException) when (!_running)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Command-scheduling tick failed");
        }
    }

    /// <summary>Marks and runs what is due (under the gate); returns the next instant something falls due.</summary>
    private async Task<DateTimeOffset?> FireDueAsync(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalTimes.DateOf(now, zone);
        var nowMs = now.ToUnixTimeMilliseconds();
        var marks = _marks;
        var runs = new List<Run>();
        DateTimeOffset? next = null;

        foreach (var trigger in _generic.Values)
        {
            bool? restrictionsHold = null;
            foreach (var firing in CommandTriggerTimes.Firings(trigger, zone, today.AddDays(-1), today.AddDays(1)))
            {
                if (IsHandled(marks, firing)) continue;
                if (firing.At > now)
                {
                    if (next is null || firing.At < next) next = firing.At;
                    continue;
                }
                var result = Decide(trigger.Oid!, firing.Key, firing.Date, firing.At, now, trigger.Mode,
                    () => restrictionsHold ??= RestrictionsHold(trigger.DeviceUrl, trigger.StateRestrictions, trigger.AllowFromUnknownValue));
                marks = marks.SetItem(firing.Key, FiredMark.Of(firing.Date, nowMs, result));
                if (result == FiredResults.Executed)
                    runs.Add(new Run(firing.Key, trigger.Oid!, trigger.Label, firing.At, CommandTriggerTimes.Action(trigger, trigger.CommandSchedules[firing.Schedule])));
            }
        }

        foreach (var trigger in _delayed.Values)
        {
            var oid = trigger.Oid!;
            if (marks.ContainsKey(oid) || CommandTriggerTimes.Due(trigger, zone) is not { } due) continue;
            if (due.At > now)
            {
                if (next is null || due.At < next) next = due.At;
                continue;
            }
            var result = Decide(oid, oid, due.Date, due.At, now, trigger.Mode,
                () => RestrictionsHold(trigger.DeviceUrl, trigger.StateRestrictions, trigger.AllowFromUnknownValue));
            marks = marks.SetItem(oid, FiredMark.Of(due.Date, nowMs, result));
            if (result == FiredResults.Executed) runs.Add(new Run(oid, oid, trigger.Label, due.At, CommandTriggerTimes.Action(trigger)));
        }

        if (marks == _marks) return next;
        // Durably handled before anything runs: at most once, whatever happens next.
        await SaveMarksAsync(marks, CancellationToken.None);

        var failed = _marks;
        foreach (var run in runs.OrderBy(r => r.At))
            if (!await RunAsync(run) && failed.TryGetValue(run.Key, out var mark)) failed = failed.SetItem(run.Key, mark with { Result = FiredResults.Failed });
        if (failed != _marks)
        {
            try
            {
                await SaveMarksAsync(failed, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not record failed command-scheduling firings");
            }
        }
        return next;
    }

    private string Decide(string oid, string key, DateOnly date, DateTimeOffset at, DateTimeOffset now, int mode, Func<bool> restrictionsHold)
    {
        var late = now - at;
        if (late > GraceWindow)
        {
            logger.LogWarning("Command-scheduling trigger {Oid} ({Key}) of {Date} was due at {At:u}, {Late} ago: skipped", oid, key, date, at, late);
            return FiredResults.Missed;
        }
        if (mode == TriggerModes.Off || triggerSwitch is { Enabled: false }) return FiredResults.Off;
        if (!restrictionsHold())
        {
            logger.LogInformation("Command-scheduling trigger {Oid} ({Key}) of {Date}: a state restriction does not hold, not run", oid, key, date);
            return FiredResults.Restricted;
        }
        return FiredResults.Executed;
    }

    /// <summary>
    /// Whether every restriction holds on the device's current states. A restriction on an unknown state (missing, or
    /// the device gone or unavailable) holds only if <paramref name="allowFromUnknownValue"/>.
    /// </summary>
    private bool RestrictionsHold(string deviceUrl, IReadOnlyList<StateRestriction>? restrictions, bool allowFromUnknownValue)
    {
        if (restrictions is not { Count: > 0 }) return true;
        var device = registry.Find(deviceUrl);
        foreach (var restriction in restrictions)
        {
            var state = device is { Available: true } && restriction is not null ? device.FindState(restriction.StateName) : null;
            var expected = ComparisonValue.From(restriction?.StateValue);
            if (state is null || state.Value.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined || expected is null)
            {
                if (!allowFromUnknownValue) return false;
                continue;
            }
            if (!StateComparison.Holds(state, ConditionOperator.Equals, expected, null)) return false;
        }
        return true;
    }

    private async Task<bool> RunAsync(Run run)
    {
        Interlocked.Increment(ref _fired);
        try
        {
            var execId = await engine.ApplyAsync(new ExecutionRequest(run.Label, [run.Action], Owner, $"trigger:{run.Oid}") { Kind = ExecutionKind.CommandScheduling }, CancellationToken.None);
            logger.LogInformation("Command-scheduling trigger {Oid} ({Key}) due at {At:u} started {ExecId}", run.Oid, run.Key, run.At, execId);
            return true;
        }
        catch (OverkizException ex)
        {
            // The device is gone, the command no longer validates, or the engine is full: nothing to retry on a schedule.
            logger.LogWarning("Command-scheduling trigger {Oid} ({Key}) could not run: {Error}", run.Oid, run.Key, ex.Error.Error ?? ex.Error.ErrorCode);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Command-scheduling trigger {Oid} ({Key}) could not run", run.Oid, run.Key);
        }
        return false;
    }

    /// <summary>The home's time zone (UTC if the location names an unknown one).</summary>
    private TimeZoneInfo Zone()
    {
        var id = location.Current.Timezone;
        var cached = _zone;
        if (cached is null || cached.Id != id)
            _zone = cached = new ZoneCache(id, TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc);
        return cached.Zone;
    }

    private sealed record ZoneCache(string Id, TimeZoneInfo Zone);

    private sealed record Quiet(int Version, TimeZoneInfo Zone, DateTimeOffset From, DateTimeOffset Until);

    private sealed record Run(string Key, string Oid, string Label, DateTimeOffset At, ActionRecord Action);
}
