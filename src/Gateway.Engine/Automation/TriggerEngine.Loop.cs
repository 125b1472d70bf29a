using Gateway.Core.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation;

/// <summary>The background loop: state changes, condition-group changes, the tick and activation timers.</summary>
public sealed partial class TriggerEngine
{
    private abstract record Work;
    private sealed record StateChanged(DeviceStateChangedEvent Change) : Work;
    private sealed record StateRepeated(DeviceStateChangedEvent Report) : Work;
    private sealed record GroupChanged(string Oid) : Work;
    private sealed record TickDue : Work;
    private sealed record TimerDue(string Id, long Deadline) : Work;
    private sealed record Barrier(TaskCompletionSource Done) : Work;

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        switch (gatewayEvent)
        {
            case DeviceStateChangedEvent changed:
                _queue.Writer.TryWrite(new StateChanged(changed));
                break;
            case Core.Automation.ConditionGroupEvent group:
                _queue.Writer.TryWrite(new GroupChanged(group.ConditionGroupOid));
                break;
        }
    }

    /// <summary>Completes once everything queued before the call has been processed (tests, orderly hand-offs).</summary>
    public Task WhenIdleAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Barrier(done))) done.TrySetResult();
        return done.Task;
    }

    /// <summary>
    /// Evaluates one state change at once, as the background loop does, and returns how many triggers it evaluated
    /// (benchmarks; the bus path queues instead).
    /// </summary>
    public async ValueTask<int> ProcessAsync(DeviceStateChangedEvent change, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var count = OnStateChanged(change);
            await CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunLoopAsync()
    {
        var reader = _queue.Reader;
        var barriers = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync())
        {
            await _gate.WaitAsync();
            try
            {
                while (reader.TryRead(out var work))
                {
                    try
                    {
                        Process(work, barriers);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Trigger engine failed on {Work}", work.GetType().Name);
                    }
                }
                await CommitAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Trigger engine could not persist its state");
            }
            finally
            {
                _gate.Release();
                foreach (var barrier in barriers) barrier.TrySetResult();
                barriers.Clear();
            }
        }
    }

    private void Process(Work work, List<TaskCompletionSource> barriers)
    {
        switch (work)
        {
            case StateChanged changed:
                OnStateChanged(changed.Change);
                break;
            case StateRepeated repeated:
                OnStateRepeated(repeated.Report);
                break;
            case TickDue:
                Interlocked.Exchange(ref _tickQueued, 0);
                OnTick();
                break;
            case TimerDue due:
                if (_runtimes.TryGetValue(due.Id, out var trigger) && trigger.Deadline == due.Deadline) Fire(trigger);
                break;
            case GroupChanged group:
                OnGroupChanged(group.Oid);
                break;
            case Barrier barrier:
                barriers.Add(barrier.Done);
                break;
        }
    }

    private int OnStateChanged(DeviceStateChangedEvent change)
    {
        _candidates.Clear();
        foreach (var state in change.DeviceStates)
            if (_byDeviceState.TryGetValue((change.DeviceUrl, state.Name), out var triggers)) _candidates.UnionWith(triggers);
        if (_byControllableState.Count > 0 && registry.Find(change.DeviceUrl) is { } device)
            foreach (var state in change.DeviceStates)
                if (_byControllableState.TryGetValue((device.ControllableName, state.Name), out var triggers)) _candidates.UnionWith(triggers);
        if (_candidates.Count == 0) return 0;
        var now = Now();
        DateTime? local = null;
        foreach (var trigger in _candidates)
        {
            if (trigger.Windows.Count > 0) local ??= LocalTime(now);
            Evaluate(trigger, now, local ?? default, Reports(change, trigger));
        }
        var count = _candidates.Count;
        _candidates.Clear();
        return count;
    }

    /// <summary>A value reported again unchanged: only execute-always discrete values react, firing again.</summary>
    private void OnStateRepeated(DeviceStateChangedEvent report)
    {
        var now = Now();
        var local = LocalTime(now);
        foreach (var state in report.DeviceStates)
            if (_byDeviceState.TryGetValue((report.DeviceUrl, state.Name), out var triggers))
                foreach (var trigger in triggers.Where(t => Reports(report, t)).ToList())
                    Evaluate(trigger, now, local, reported: true);
    }

    private void OnRepeatedStates(string deviceUrl, IReadOnlyList<Core.Model.DeviceState> states)
    {
        if (Volatile.Read(ref _executeAlways) > 0) _queue.Writer.TryWrite(new StateRepeated(new DeviceStateChangedEvent(deviceUrl, states)));
    }

    /// <summary>Whether the report carries the state an execute-always discrete value watches.</summary>
    private static bool Reports(DeviceStateChangedEvent change, TriggerRuntime trigger)
    {
        if (!trigger.ExecuteAlways || trigger.Watched is not { } watched || change.DeviceUrl != watched.DeviceUrl) return false;
        foreach (var state in change.DeviceStates)
            if (state.Name == watched.StateName) return true;
        return false;
    }

    private void OnTick()
    {
        var now = Now();
        var local = LocalTime(now);
        foreach (var trigger in _scheduled)
        {
            var inWindow = trigger.IsInWindow(local);
            if (inWindow == trigger.InWindow) continue;
            trigger.InWindow = inWindow;
            Reconcile(trigger, now);
        }
        if (_releasing.Count > 0)
            foreach (var trigger in _releasing.Where(t => t.ReleaseAt <= now).ToList()) Release(trigger, now);
        if (_pending.Count == 0) return;
        foreach (var trigger in _pending.Where(t => t.Deadline <= now).ToList()) Fire(trigger);
    }

    private void OnGroupChanged(string groupOid)
    {
        var affected = _runtimes.Values.Where(t => t.Dependencies.ConditionGroups.Contains(groupOid)).Select(t => t.ParentOid).Distinct().ToList();
        var now = Now();
        foreach (var oid in affected)
        {
            var old = _parts[oid].ToDictionary(p => p.Id, StringComparer.Ordinal);
            UnregisterAll(oid);
            if (_definitions.TryGetValue(oid, out var ifThen)) Register(ifThen, strict: false);
            else if (_discrete.TryGetValue(oid, out var discrete)) Register(discrete, strict: false);
            foreach (var trigger in _parts.GetValueOrDefault(oid) ?? [])
            {
                if (old.TryGetValue(trigger.Id, out var previous))
                {
                    Latch(trigger, previous.Latched);
                    trigger.LastCondition = previous.LastCondition;
                    if (previous.ReleaseAt is { } release) StartRelease(trigger, release);
                    if (previous.Deadline is { } d) Arm(trigger, d, now);
                }
                Evaluate(trigger, now, LocalTime(now), reported: false);
            }
        }
    }

    private void EnqueueTick()
    {
        if (Interlocked.Exchange(ref _tickQueued, 1) == 0 && !_queue.Writer.TryWrite(new TickDue())) Interlocked.Exchange(ref _tickQueued, 0);
    }
}
