using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Devices;
using Gateway.Engine.Location;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation;

/// <summary>
/// Runs the if-then triggers. A state change is looked up in an index (deviceURL + state name, and controllable
/// name + state name) so that only the triggers reading that state are evaluated; the work runs on one background
/// loop, never on the publisher's thread. A trigger fires once when its condition becomes true and stays true for
/// its activation delay inside its scheduling intervals; it must see its condition false before it may fire again.
/// <para>
/// Time windows are re-checked on a one-second wall-clock tick. The activation delay counts from the moment both
/// the condition and the window hold: a temperature above 26 °C since 10:30 and a window opening at 11:00 with a
/// ten-minute delay fire at 11:10.
/// </para>
/// <para>
/// Pending activations (their UTC deadlines) and fired triggers are persisted. At start, a pending activation whose
/// condition still holds fires at its original deadline, at once if that passed less than <see cref="GraceWindow"/>
/// ago, or is dropped (and logged) beyond. A condition found true at start with nothing pending starts its delay
/// then. A pending activation fires from its timer or from the tick, whichever sees it first, exactly once: firing
/// consumes it, so a clock jump cannot fire it twice.
/// </para>
/// </summary>
public sealed class TriggerEngine(
    DeviceRegistry registry,
    ConditionGroupService conditionGroups,
    ActionGroupService actionGroups,
    LocationService location,
    ISettingsStore settings,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    ILogger<TriggerEngine> logger) : IEventSink, IAsyncDisposable
{
    public const string DefinitionsKey = "automation.triggers";
    public const string RuntimeKey = "automation.pending";
    public const int MaxTriggers = 1000;
    public const int MaxEffects = 10;
    public const int MaxActivationDelaySeconds = 7 * 24 * 3600;
    public const string Owner = "trigger";
    public static readonly TimeSpan GraceWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, TriggerRuntime> _triggers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IfThenSetupTrigger> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<TriggerRuntime>> _byDeviceState = [];
    private readonly Dictionary<(string, string), List<TriggerRuntime>> _byControllableState = [];
    private readonly HashSet<TriggerRuntime> _scheduled = [];
    private readonly HashSet<TriggerRuntime> _pending = [];
    private readonly HashSet<TriggerRuntime> _latched = [];
    private readonly HashSet<TriggerRuntime> _candidates = [];
    private readonly List<IfThenSetupTrigger> _toRun = [];
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private TriggerRuntimeDocument _restored = new();
    private bool _runtimeDirty;
    private int _tickQueued;
    private long _evaluations;
    private long _fired;
    private (string Id, TimeZoneInfo Zone)? _zone;
    private IDisposable? _subscription;
    private ITimer? _tick;
    private Task? _loop;

    /// <summary>How many trigger evaluations state changes have caused (the index keeps unrelated ones at zero).</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>How many times a trigger has fired since start.</summary>
    public long Fired => Interlocked.Read(ref _fired);

    public IReadOnlyList<IfThenSetupTrigger> All() =>
        _definitions.Values.OrderBy(t => t.CreationTime).ThenBy(t => t.Oid, StringComparer.Ordinal).ToList();

    public IfThenSetupTrigger? Find(string oid) => _definitions.GetValueOrDefault(oid);

    /// <summary>Reads the stored triggers and what was under way when the gateway stopped; fires nothing yet.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var definitions = await settings.GetAsync(DefinitionsKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, AutomationJsonContext.Default.IReadOnlyListIfThenSetupTrigger) ?? []
            : [];
        _restored = await settings.GetAsync(RuntimeKey, cancellationToken) is { } runtime
            ? JsonSerializer.Deserialize(runtime, AutomationJsonContext.Default.TriggerRuntimeDocument) ?? new()
            : new();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var definition in definitions.Where(d => d.Oid is not null)) Register(definition, Compile(definition, strict: false));
        }
        finally
        {
            _gate.Release();
        }
        logger.LogInformation("Loaded {Count} trigger(s), {Pending} activation(s) under way", definitions.Count, _restored.Pending.Count);
    }

    /// <summary>Resumes what was under way against the current states, then follows the bus and the clock.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = Now();
            var local = LocalTime(now);
            var pending = _restored.Pending.ToDictionary(p => p.TriggerOid, p => p.Deadline, StringComparer.Ordinal);
            var latched = _restored.Latched.ToHashSet(StringComparer.Ordinal);
            foreach (var trigger in _triggers.Values)
                Restore(trigger, now, local, pending.TryGetValue(trigger.Oid, out var deadline) ? deadline : null, latched.Contains(trigger.Oid));
            _runtimeDirty = true;
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        _subscription = bus.Subscribe(this);
        _loop = Task.Run(RunLoopAsync, CancellationToken.None);
        _tick = time.CreateTimer(_ => EnqueueTick(), null, Tick, Tick);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _tick?.Dispose();
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var trigger in _triggers.Values) trigger.Timer?.Dispose();
            if (_runtimeDirty) await SaveRuntimeAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
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

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        switch (gatewayEvent)
        {
            case DeviceStateChangedEvent changed:
                _queue.Writer.TryWrite(new StateChanged(changed));
                break;
            case ConditionGroupEvent group:
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

    public async Task<IfThenSetupTrigger> CreateAsync(IfThenSetupTrigger draft, bool allowExecuteOnCreate, CancellationToken cancellationToken)
    {
        var compiled = Compile(draft, strict: true);
        var now = Now();
        var oid = Guid.NewGuid().ToString();
        var definition = draft with { Oid = oid, Id = oid, CreationTime = now, LastUpdateTime = now };
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_triggers.Count >= MaxTriggers) throw new OverkizException(OverkizError.BadParameters($"at most {MaxTriggers} triggers"));
            await SaveDefinitionsAsync(All().Append(definition), cancellationToken);
            var trigger = Register(definition, compiled);
            Initialize(trigger, now, allowExecuteOnCreate);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        Publish(definition, compiled.Dependencies, "Created");
        logger.LogInformation("Trigger {Oid} {Label} created", oid, definition.Label);
        return definition;
    }

    /// <summary>Replaces a trigger's definition (same OID); it starts over as if just created.</summary>
    public async Task<IfThenSetupTrigger> UpdateAsync(IfThenSetupTrigger draft, CancellationToken cancellationToken)
    {
        if (draft.Oid is not { } oid) throw new OverkizException(OverkizError.BadParameters("the trigger to update needs its oid"));
        var compiled = Compile(draft, strict: true);
        IfThenSetupTrigger definition;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_triggers.TryGetValue(oid, out var old)) throw new OverkizException(OverkizError.UnknownObject());
            var now = Now();
            definition = draft with { Id = old.Definition.Id, CreationTime = old.Definition.CreationTime, LastUpdateTime = now };
            await SaveDefinitionsAsync(All().Select(d => d.Oid == oid ? definition : d), cancellationToken);
            Unregister(old);
            Initialize(Register(definition, compiled), now, allowExecute: false);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        Publish(definition, compiled.Dependencies, "Updated");
        return definition;
    }

    public async Task DeleteAsync(string oid, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_triggers.TryGetValue(oid, out var trigger)) throw new OverkizException(OverkizError.UnknownObject());
            await SaveDefinitionsAsync(All().Where(d => d.Oid != oid), cancellationToken);
            Unregister(trigger);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(new SetupTriggerEvent(Now(), identity.SetupOid, SetupTriggerTypes.IfThenCode, oid, null, null, null, null, null, null, null, null, "Deleted"));
    }

    /// <summary>
    /// Switches a trigger on (1 always on, 3 scheduled) or off (2). Switched on while its condition already holds, it
    /// waits for the condition to become false first, unless <paramref name="allowExecuteOnUpdate"/> or the
    /// trigger's allowExecuteOnEnabled says to start its activation delay now.
    /// </summary>
    public async Task SetModeAsync(string oid, int mode, bool allowExecuteOnUpdate, CancellationToken cancellationToken)
    {
        if (!TriggerModes.IsValid(mode)) throw new OverkizException(OverkizError.BadParameters("mode is 1 (always on), 2 (off) or 3 (scheduled)"));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_triggers.TryGetValue(oid, out var trigger)) throw new OverkizException(OverkizError.UnknownObject());
            var wasOff = trigger.Definition.Mode == TriggerModes.Off;
            var definition = trigger.Definition with { Mode = mode, LastUpdateTime = Now() };
            await SaveDefinitionsAsync(All().Select(d => d.Oid == oid ? definition : d), cancellationToken);
            trigger.Definition = definition;
            _definitions[oid] = definition;
            if (wasOff && mode != TriggerModes.Off) Initialize(trigger, Now(), allowExecuteOnUpdate || definition.AllowExecuteOnEnabled);
            else Reconsider(trigger, Now(), LocalTime(Now()));
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(new SetupTriggerModeChangedEvent(Now(), identity.SetupOid, SetupTriggerTypes.IfThenCode, oid, mode));
    }

    public async Task<SetupTriggerStatus> StatusAsync(string oid, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_triggers.TryGetValue(oid, out var trigger)) throw new OverkizException(OverkizError.UnknownObject());
            return Status(trigger, LocalTime(Now()));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<SetupTriggerStatus>> StatusesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var local = LocalTime(Now());
            return _triggers.Values.OrderBy(t => t.Definition.CreationTime).Select(t => Status(t, local)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Validates a definition as creation would, then runs its effects now, whatever its condition.</summary>
    public async Task<IReadOnlyList<string>> TestAsync(IfThenSetupTrigger draft, CancellationToken cancellationToken)
    {
        Compile(draft, strict: true);
        var execIds = new List<string>();
        foreach (var effect in draft.Effects)
            execIds.Add(await actionGroups.ExecuteAsync(effect.ActionGroupEffect!.ActionGroupOid, Owner, "trigger:test", cancellationToken));
        return execIds;
    }

    // ---- the background loop ----

    private abstract record Work;
    private sealed record StateChanged(DeviceStateChangedEvent Change) : Work;
    private sealed record GroupChanged(string Oid) : Work;
    private sealed record TickDue : Work;
    private sealed record TimerDue(string Oid, long Deadline) : Work;
    private sealed record Barrier(TaskCompletionSource Done) : Work;

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
            case TickDue:
                Interlocked.Exchange(ref _tickQueued, 0);
                OnTick();
                break;
            case TimerDue due:
                if (_triggers.TryGetValue(due.Oid, out var trigger) && trigger.Deadline == due.Deadline) Fire(trigger);
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
            Evaluate(trigger, now, local ?? default);
        }
        var count = _candidates.Count;
        _candidates.Clear();
        return count;
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
        if (_pending.Count == 0) return;
        foreach (var trigger in _pending.Where(t => t.Deadline <= now).ToList()) Fire(trigger);
    }

    private void OnGroupChanged(string groupOid)
    {
        var affected = _triggers.Values.Where(t => t.Dependencies.ConditionGroups.Contains(groupOid)).ToList();
        var now = Now();
        foreach (var old in affected)
        {
            var latched = old.Latched;
            var deadline = old.Deadline;
            Unregister(old);
            var trigger = Register(old.Definition, Compile(old.Definition, strict: false));
            Latch(trigger, latched);
            trigger.LastCondition = old.LastCondition;
            if (deadline is { } d) Arm(trigger, d, now);
            Evaluate(trigger, now, LocalTime(now));
        }
    }

    private void EnqueueTick()
    {
        if (Interlocked.Exchange(ref _tickQueued, 1) == 0 && !_queue.Writer.TryWrite(new TickDue())) Interlocked.Exchange(ref _tickQueued, 0);
    }

    // ---- one trigger's state machine (under the gate) ----

    private void Evaluate(TriggerRuntime trigger, long now, DateTime local)
    {
        Interlocked.Increment(ref _evaluations);
        var condition = trigger.Condition.Evaluate(registry);
        if (condition == Truth.False && trigger.Latched)
        {
            Latch(trigger, false);
        }
        else if (condition == Truth.True && trigger.LastCondition == Truth.Unknown && !trigger.Definition.AllowFromUnknownValue && !trigger.Latched)
        {
            Latch(trigger, true);
        }
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
        Latch(trigger, false);
        if (trigger.Effective && !allowExecute) Latch(trigger, true);
        _runtimeDirty = true;
        Reconcile(trigger, now);
    }

    private void Restore(TriggerRuntime trigger, long now, DateTime local, long? deadline, bool latched)
    {
        trigger.LastCondition = trigger.Condition.Evaluate(registry);
        trigger.InWindow = trigger.IsInWindow(local);
        Latch(trigger, latched && trigger.LastCondition != Truth.False);
        if (deadline is not { } due)
        {
            Reconcile(trigger, now);
            return;
        }
        if (!trigger.Effective)
        {
            logger.LogInformation("Trigger {Oid}: its condition no longer holds after the restart; pending activation dropped", trigger.Oid);
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
            logger.LogWarning("Trigger {Oid} was due {Late} ago, while the gateway was off: dropped", trigger.Oid, TimeSpan.FromMilliseconds(now - due));
            Latch(trigger, true);
        }
    }

    private void Latch(TriggerRuntime trigger, bool latched)
    {
        if (trigger.Latched == latched) return;
        trigger.Latched = latched;
        if (latched) _latched.Add(trigger);
        else _latched.Remove(trigger);
        _runtimeDirty = true;
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
        var oid = trigger.Oid;
        trigger.Timer = time.CreateTimer(_ => _queue.Writer.TryWrite(new TimerDue(oid, deadline)), null, TimeSpan.FromMilliseconds(deadline - now), Timeout.InfiniteTimeSpan);
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
        _toRun.Add(trigger.Definition);
        logger.LogInformation("Trigger {Oid} {Label} fired", trigger.Oid, trigger.Definition.Label);
    }

    /// <summary>Persists what changed, then (only then) starts the effects of the triggers that fired.</summary>
    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_runtimeDirty) await SaveRuntimeAsync(cancellationToken);
        if (_toRun.Count == 0) return;
        var fired = _toRun.ToList();
        _toRun.Clear();
        foreach (var definition in fired) _ = RunEffectsAsync(definition);
    }

    private async Task RunEffectsAsync(IfThenSetupTrigger definition)
    {
        foreach (var effect in definition.Effects)
        {
            var group = effect.ActionGroupEffect?.ActionGroupOid ?? "";
            try
            {
                var execId = await actionGroups.ExecuteAsync(group, Owner, $"trigger:{definition.Oid}", CancellationToken.None);
                logger.LogInformation("Trigger {Oid} started action group {Group} as {ExecId}", definition.Oid, group, execId);
            }
            catch (OverkizException ex)
            {
                logger.LogWarning("Trigger {Oid} could not run action group {Group}: {Error}", definition.Oid, group, ex.Error.Error ?? ex.Error.ErrorCode);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Trigger {Oid} could not run action group {Group}", definition.Oid, group);
            }
        }
    }

    // ---- definitions, compilation and the index ----

    private sealed record Compiled(CompiledCondition Condition, ConditionDependencies Dependencies, IReadOnlyList<DayWindow> Windows, TimeSpan Delay);

    private Compiled Compile(IfThenSetupTrigger definition, bool strict)
    {
        if (strict) Validate(definition);
        var dependencies = new ConditionDependencies();
        var condition = definition.RootConditionBlock is { } root
            ? conditionGroups.Compiler().Compile(root, strict, dependencies)
            : CompiledCondition.Missing();
        var windows = (definition.SchedulingIntervals ?? []).Select(i => DayWindow.From(i, strict)).OfType<DayWindow>().ToList();
        var delay = definition.RootConditionBlock is { } block ? Math.Clamp(ConditionCompiler.RootActivationDelay(block), 0, MaxActivationDelaySeconds) : 0;
        return new Compiled(condition, dependencies, windows, TimeSpan.FromSeconds(delay));
    }

    private void Validate(IfThenSetupTrigger definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Label) || definition.Label.Length > 200) throw Bad("a trigger needs a label of at most 200 characters");
        if (!TriggerModes.IsValid(definition.Mode)) throw Bad("mode is 1 (always on), 2 (off) or 3 (scheduled)");
        if (definition.RootConditionBlock is not { } root) throw Bad("a trigger needs a rootConditionBlock");
        if (ConditionCompiler.RootActivationDelay(root) is < 0 or > MaxActivationDelaySeconds) throw Bad($"activationDelay is 0 .. {MaxActivationDelaySeconds} seconds");
        if (definition.SchedulingIntervals is { Count: > 20 }) throw Bad("at most 20 scheduling intervals");
        if (definition.Effects is null || definition.Effects.Count is 0 or > MaxEffects) throw Bad($"a trigger needs 1 to {MaxEffects} effects");
        foreach (var effect in definition.Effects)
        {
            if (effect?.ActionGroupEffect is not { } run || string.IsNullOrEmpty(run.ActionGroupOid)) throw Bad("an effect is an actionGroupEffect with an actionGroupOID");
            if (run.LocalActionGroup is { ValueKind: not JsonValueKind.Null }) throw Bad("managed action groups (localActionGroup) are not supported");
            if (actionGroups.Find(run.ActionGroupOid) is null) throw Bad($"unknown action group {run.ActionGroupOid}");
        }
    }

    private TriggerRuntime Register(IfThenSetupTrigger definition, Compiled compiled)
    {
        var trigger = new TriggerRuntime(definition, compiled.Condition, compiled.Dependencies, compiled.Windows, compiled.Delay);
        _triggers[trigger.Oid] = trigger;
        _definitions[trigger.Oid] = definition;
        foreach (var key in trigger.Dependencies.DeviceStates) Index(_byDeviceState, key, trigger);
        foreach (var key in trigger.Dependencies.ControllableStates) Index(_byControllableState, key, trigger);
        if (trigger.Windows.Count > 0) _scheduled.Add(trigger);
        return trigger;
    }

    private void Unregister(TriggerRuntime trigger)
    {
        Disarm(trigger);
        _triggers.Remove(trigger.Oid);
        _definitions.TryRemove(trigger.Oid, out _);
        foreach (var key in trigger.Dependencies.DeviceStates) Unindex(_byDeviceState, key, trigger);
        foreach (var key in trigger.Dependencies.ControllableStates) Unindex(_byControllableState, key, trigger);
        _scheduled.Remove(trigger);
        _latched.Remove(trigger);
        _runtimeDirty = true;
    }

    private static void Index(Dictionary<(string, string), List<TriggerRuntime>> index, (string, string) key, TriggerRuntime trigger)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(trigger);
    }

    private static void Unindex(Dictionary<(string, string), List<TriggerRuntime>> index, (string, string) key, TriggerRuntime trigger)
    {
        if (!index.TryGetValue(key, out var list)) return;
        list.Remove(trigger);
        if (list.Count == 0) index.Remove(key);
    }

    private SetupTriggerStatus Status(TriggerRuntime trigger, DateTime local) => new(
        trigger.Oid,
        trigger.Definition.Mode,
        trigger.Windows.Select(w => w.Contains(local)).ToList(),
        [new SubTriggerStatus(SetupTriggerTypes.IfThen, trigger.LastCondition == Truth.True, false)],
        trigger.Deadline);

    private Task SaveDefinitionsAsync(IEnumerable<IfThenSetupTrigger> definitions, CancellationToken cancellationToken) =>
        settings.SetAsync(DefinitionsKey, JsonSerializer.Serialize<IReadOnlyList<IfThenSetupTrigger>>(definitions.ToList(), AutomationJsonContext.Default.IReadOnlyListIfThenSetupTrigger), cancellationToken);

    private async Task SaveRuntimeAsync(CancellationToken cancellationToken)
    {
        var document = new TriggerRuntimeDocument
        {
            Pending = _pending.Select(t => new PendingActivation(t.Oid, t.Deadline!.Value)).OrderBy(p => p.Deadline).ToList(),
            Latched = _latched.Select(t => t.Oid).Order(StringComparer.Ordinal).ToList(),
        };
        await settings.SetAsync(RuntimeKey, JsonSerializer.Serialize(document, AutomationJsonContext.Default.TriggerRuntimeDocument), cancellationToken);
        _runtimeDirty = false;
    }

    private void Publish(IfThenSetupTrigger definition, ConditionDependencies dependencies, string change) =>
        bus.Publish(new SetupTriggerEvent(definition.LastUpdateTime, identity.SetupOid, SetupTriggerTypes.IfThenCode, definition.Oid!, definition.Id,
            definition.Label, definition.Metadata, definition.Mode,
            dependencies.DeviceStates.Select(k => k.DeviceUrl).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            definition.Effects, definition.RootConditionBlock, definition.SchedulingIntervals, change));

    private DateTime LocalTime(long utcMilliseconds)
    {
        var id = location.Current.Timezone;
        if (_zone is not { } cached || cached.Id != id)
        {
            _zone = (id, TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc);
            cached = _zone.Value;
        }
        return TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(utcMilliseconds), cached.Zone).DateTime;
    }

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
