using Gateway.Core.Executions;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation;

/// <summary>One runtime's state machine (under the gate): evaluate, arm, fire, latch and release.</summary>
public sealed partial class TriggerEngine
{
    private void Evaluate(TriggerRuntime trigger, long now, DateTime local, bool reported)
    {
        Interlocked.Increment(ref _evaluations);
        var condition = trigger.Condition.Evaluate(registry);
        if (condition == Truth.False && trigger.Latched)
        {
            if (trigger.ReleaseDelay <= TimeSpan.Zero) Latch(trigger, false);
            else if (trigger.ReleaseAt is null) StartRelease(trigger, now + (long)trigger.ReleaseDelay.TotalMilliseconds);
        }
        else if (condition == Truth.True && trigger.ReleaseAt is not null)
        {
            // Back to true before the deactivation delay ran out: it never counted as deactivated.
            StopRelease(trigger);
        }
        else if (condition == Truth.True && trigger.LastCondition == Truth.Unknown && !trigger.Definition.AllowFromUnknownValue && !trigger.Latched)
        {
            Latch(trigger, true);
        }
        if (reported && condition == Truth.True && trigger.Latched && trigger.Deadline is null) Latch(trigger, false);
        trigger.LastCondition = condition;
        trigger.InWindow = trigger.Windows.Count == 0 ? trigger.Definition.Mode != TriggerModes.Off : trigger.IsInWindow(local);
        Reconcile(trigger, now);
    }

    /// <summary>Mode or window changed: the condition is as last evaluated.</summary>
    private void Reconsider(TriggerRuntime trigger, long now, DateTime local)
    {
        trigger.InWindow = trigger.IsInWindow(local);
        Reconcile(trigger, now);
    }

    private void Reconcile(TriggerRuntime trigger, long now)
    {
        if (trigger.Effective && trigger.Deadline is null) Arm(trigger, now + (long)trigger.Delay.TotalMilliseconds, now);
        else if (!trigger.Effective && trigger.Deadline is not null) Disarm(trigger);
    }

    /// <summary>Created, updated or switched on: a condition that holds already counts as seen unless told otherwise.</summary>
    private void Initialize(TriggerRuntime trigger, long now, bool allowExecute)
    {
        trigger.LastCondition = trigger.Condition.Evaluate(registry);
        trigger.InWindow = trigger.IsInWindow(LocalTime(now));
        StopRelease(trigger);
        Latch(trigger, false);
        if (trigger.Effective && !allowExecute) Latch(trigger, true);
        _runtimeDirty = true;
        Reconcile(trigger, now);
    }

    private void Restore(TriggerRuntime trigger, long now, DateTime local, long? deadline, bool latched, long? releaseAt)
    {
        trigger.LastCondition = trigger.Condition.Evaluate(registry);
        trigger.InWindow = trigger.IsInWindow(local);
        if (latched && trigger.LastCondition == Truth.False && trigger.ReleaseDelay > TimeSpan.Zero)
        {
            // Deactivating when the gateway stopped (or turned false while it was off): the delay runs on.
            Latch(trigger, true);
            StartRelease(trigger, releaseAt ?? now + (long)trigger.ReleaseDelay.TotalMilliseconds);
        }
        else Latch(trigger, latched && trigger.LastCondition != Truth.False);
        if (deadline is not { } due)
        {
            Reconcile(trigger, now);
            return;
        }
        if (!trigger.Effective)
        {
            logger.LogInformation("Trigger {Id}: its condition no longer holds after the restart; pending activation dropped", trigger.Id);
        }
        else if (due > now)
        {
            Arm(trigger, due, now);
        }
        else if (now - due <= (long)GraceWindow.TotalMilliseconds)
        {
            trigger.Deadline = due;
            Fire(trigger);
        }
        else
        {
            logger.LogWarning("Trigger {Id} was due {Late} ago, while the gateway was off: dropped", trigger.Id, TimeSpan.FromMilliseconds(now - due));
            Latch(trigger, true);
        }
    }

    private void Latch(TriggerRuntime trigger, bool latched)
    {
        if (!latched) StopRelease(trigger);
        if (trigger.Latched == latched) return;
        trigger.Latched = latched;
        if (latched) _latched.Add(trigger);
        else _latched.Remove(trigger);
        _runtimeDirty = true;
    }

    private void StartRelease(TriggerRuntime trigger, long releaseAt)
    {
        trigger.ReleaseAt = releaseAt;
        _releasing.Add(trigger);
        _runtimeDirty = true;
    }

    private void StopRelease(TriggerRuntime trigger)
    {
        if (trigger.ReleaseAt is null) return;
        trigger.ReleaseAt = null;
        _releasing.Remove(trigger);
        _runtimeDirty = true;
    }

    /// <summary>The deactivation delay ran out with the condition still false: the trigger may fire again.</summary>
    private void Release(TriggerRuntime trigger, long now)
    {
        Latch(trigger, false);
        Reconcile(trigger, now);
    }

    private void Arm(TriggerRuntime trigger, long deadline, long now)
    {
        trigger.Timer?.Dispose();
        trigger.Deadline = deadline;
        _pending.Add(trigger);
        _runtimeDirty = true;
        if (deadline <= now)
        {
            Fire(trigger);
            return;
        }
        var id = trigger.Id;
        trigger.Timer = time.CreateTimer(_ => _queue.Writer.TryWrite(new TimerDue(id, deadline)), null, TimeSpan.FromMilliseconds(deadline - now), Timeout.InfiniteTimeSpan);
    }

    private void Disarm(TriggerRuntime trigger)
    {
        trigger.Timer?.Dispose();
        trigger.Timer = null;
        trigger.Deadline = null;
        _pending.Remove(trigger);
        _runtimeDirty = true;
    }

    private void Fire(TriggerRuntime trigger)
    {
        Disarm(trigger);
        Latch(trigger, true);
        Interlocked.Increment(ref _fired);
        _toRun.Add((trigger.ParentOid, trigger.Definition.Effects, trigger.Key is null ? ExecutionKind.ConditionTrigger : ExecutionKind.DiscreteTrigger));
        logger.LogInformation("Trigger {Id} {Label} fired", trigger.Id, trigger.Definition.Label);
    }

    /// <summary>Persists what changed, then (only then) starts the effects of the triggers that fired.</summary>
    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_runtimeDirty) await SaveRuntimeAsync(cancellationToken);
        if (_toRun.Count == 0) return;
        var fired = _toRun.ToList();
        _toRun.Clear();
        foreach (var (oid, effects, kind) in fired) _ = RunEffectsAsync(oid, effects, kind);
    }

    private async Task RunEffectsAsync(string triggerOid, IReadOnlyList<TriggerEffect> effects, ExecutionKind kind)
    {
        if (triggerSwitch is { Enabled: false })
        {
            logger.LogInformation("Trigger {Oid} fired while triggers are switched off: no effect run", triggerOid);
            return;
        }
        foreach (var effect in effects)
        {
            var group = effect.ActionGroupEffect?.ActionGroupOid ?? "";
            try
            {
                var execId = await actionGroups.ExecuteAsync(group, effect.ActionGroupEffect?.LocalActionGroup, Owner, $"trigger:{triggerOid}", CancellationToken.None, kind);
                logger.LogInformation("Trigger {Oid} started action group {Group} as {ExecId}", triggerOid, group, execId);
            }
            catch (OverkizException ex)
            {
                logger.LogWarning("Trigger {Oid} could not run action group {Group}: {Error}", triggerOid, group, ex.Error.Error ?? ex.Error.ErrorCode);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Trigger {Oid} could not run action group {Group}", triggerOid, group);
            }
        }
    }
}
