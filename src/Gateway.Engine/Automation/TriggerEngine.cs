using Gateway.Core.Executions;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Gateway.Core.Automation;
using Gateway.Core.Cloud;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Devices;
using Gateway.Engine.Location;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation;

/// <summary>
/// Runs the if-then and discrete triggers. A state change is looked up in an index (deviceURL + state name, and
/// controllable name + state name) so that only the triggers reading that state are evaluated; the work runs on one
/// background loop, never on the publisher's thread. A trigger fires once when its condition becomes true and stays
/// true for its activation delay inside its scheduling intervals; it must see its condition false (for its
/// deactivation delay, if any) before it may fire again. A discrete trigger runs as one such condition per value.
/// <para>
/// Time windows are re-checked on a one-second wall-clock tick. The activation delay counts from the moment both
/// the condition and the window hold: a temperature above 26 °C since 10:30 and a window opening at 11:00 with a
/// ten-minute delay fire at 11:10.
/// </para>
/// <para>
/// Pending activations (their UTC deadlines), fired triggers and deactivation countdowns are persisted. At start, a
/// pending activation whose condition still holds fires at its original deadline, at once if that passed less than
/// <see cref="GraceWindow"/> ago, or is dropped (and logged) beyond. A condition found true at start with nothing
/// pending starts its delay then. A pending activation fires from its timer or from the tick, whichever sees it
/// first, exactly once: firing consumes it, so a clock jump cannot fire it twice.
/// </para>
/// </summary>
public sealed partial class TriggerEngine(
    DeviceRegistry registry,
    ConditionGroupService conditionGroups,
    ActionGroupService actionGroups,
    LocationService location,
    ISettingsStore settings,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    ILogger<TriggerEngine> logger,
    TriggerSwitch? triggerSwitch = null,
    IUplinkReports? reports = null) : IEventSink, IAsyncDisposable
{
    private readonly IUplinkReports _reports = reports ?? NoUplinkReports.Instance;
    public const string DefinitionsKey = "automation.triggers";
    public const string DiscreteDefinitionsKey = "automation.discreteTriggers";
    public const string RuntimeKey = "automation.pending";
    public const int MaxTriggers = 1000;
    public const int MaxEffects = 10;
    public const int MaxActivationDelaySeconds = 7 * 24 * 3600;
    public const string Owner = "trigger";
    public static readonly TimeSpan GraceWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, TriggerRuntime> _runtimes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TriggerRuntime>> _parts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IfThenSetupTrigger> _definitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DiscreteTrigger> _discrete = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<TriggerRuntime>> _byDeviceState = [];
    private readonly Dictionary<(string, string), List<TriggerRuntime>> _byControllableState = [];
    private readonly HashSet<TriggerRuntime> _scheduled = [];
    private readonly HashSet<TriggerRuntime> _pending = [];
    private readonly HashSet<TriggerRuntime> _latched = [];
    private readonly HashSet<TriggerRuntime> _releasing = [];
    private readonly HashSet<TriggerRuntime> _candidates = [];
    private readonly List<(string TriggerOid, IReadOnlyList<TriggerEffect> Effects, ExecutionKind Kind)> _toRun = [];
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private TriggerRuntimeDocument _restored = new();
    private bool _runtimeDirty;
    private int _tickQueued;
    private int _executeAlways;
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

    /// <summary>How many if-then and discrete triggers there are.</summary>
    public int Count => _definitions.Count + _discrete.Count;

    /// <summary>The if-then triggers.</summary>
    public IReadOnlyList<IfThenSetupTrigger> All() =>
        _definitions.Values.OrderBy(t => t.CreationTime).ThenBy(t => t.Oid, StringComparer.Ordinal).ToList();

    public IfThenSetupTrigger? Find(string oid) => _definitions.GetValueOrDefault(oid);

    /// <summary>Reads the stored triggers and what was under way when the gateway stopped; fires nothing yet.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Action<string> Skipped(string key) => reason => logger.LogError("Stored {Key} (or an item of it) cannot be loaded and is skipped: {Reason}", key, reason);
        var definitions = StoredJson.ReadList(await settings.GetAsync(DefinitionsKey, cancellationToken), AutomationJsonContext.Default.IfThenSetupTrigger, Skipped(DefinitionsKey));
        var discrete = StoredJson.ReadList(await settings.GetAsync(DiscreteDefinitionsKey, cancellationToken), AutomationJsonContext.Default.DiscreteTrigger, Skipped(DiscreteDefinitionsKey));
        _restored = StoredJson.ReadOne(await settings.GetAsync(RuntimeKey, cancellationToken), AutomationJsonContext.Default.TriggerRuntimeDocument, Skipped(RuntimeKey))
            ?? new();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var definition in definitions.Where(d => d.Oid is not null)) Register(definition, strict: false);
            foreach (var definition in discrete.Where(d => d.Oid is not null)) Register(definition, strict: false);
        }
        finally
        {
            _gate.Release();
        }
        logger.LogInformation("Loaded {Count} if-then and {Discrete} discrete trigger(s), {Pending} activation(s) under way",
            definitions.Count, discrete.Count, _restored.Pending.Count);
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
            var releasing = (_restored.Releasing ?? []).ToDictionary(p => p.TriggerOid, p => p.Deadline, StringComparer.Ordinal);
            var latched = _restored.Latched.ToHashSet(StringComparer.Ordinal);
            foreach (var trigger in _runtimes.Values)
                Restore(trigger, now, local, pending.TryGetValue(trigger.Id, out var deadline) ? deadline : null,
                    latched.Contains(trigger.Id), releasing.TryGetValue(trigger.Id, out var release) ? release : null);
            _runtimeDirty = true;
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        _subscription = bus.Subscribe(this);
        registry.RepeatedStates += OnRepeatedStates;
        _loop = Task.Run(RunLoopAsync, CancellationToken.None);
        _tick = time.CreateTimer(_ => EnqueueTick(), null, Tick, Tick);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        registry.RepeatedStates -= OnRepeatedStates;
        _tick?.Dispose();
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var trigger in _runtimes.Values) trigger.Timer?.Dispose();
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

    public async Task<IfThenSetupTrigger> CreateAsync(IfThenSetupTrigger draft, bool allowExecuteOnCreate, CancellationToken cancellationToken)
    {
        var now = Now();
        var oid = Guid.NewGuid().ToString();
        var definition = draft with { Oid = oid, Id = oid, CreationTime = now, LastUpdateTime = now };
        var compiled = Compile(definition, strict: true);
        var report = Report(definition, compiled.Dependencies, "Created");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            EnsureRoom();
            await SaveDefinitionsAsync(All().Append(definition), report, cancellationToken);
            _definitions[oid] = definition;
            Initialize(Register(definition, oid, compiled), now, allowExecuteOnCreate);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        logger.LogInformation("Trigger {Oid} {Label} created", oid, definition.Label);
        return definition;
    }

    /// <summary>Replaces a trigger's definition (same OID); it starts over as if just created.</summary>
    public async Task<IfThenSetupTrigger> UpdateAsync(IfThenSetupTrigger draft, CancellationToken cancellationToken)
    {
        if (draft.Oid is not { } oid) throw new OverkizException(OverkizError.BadParameters("the trigger to update needs its oid"));
        var compiled = Compile(draft, strict: true);
        IfThenSetupTrigger definition;
        SetupTriggerEvent report;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_definitions.TryGetValue(oid, out var old)) throw new OverkizException(OverkizError.UnknownObject());
            var now = Now();
            definition = draft with { Id = old.Id, CreationTime = old.CreationTime, LastUpdateTime = now };
            report = Report(definition, compiled.Dependencies, "Updated");
            await SaveDefinitionsAsync(All().Select(d => d.Oid == oid ? definition : d), report, cancellationToken);
            UnregisterAll(oid);
            _definitions[oid] = definition;
            Initialize(Register(definition, oid, compiled), now, allowExecute: false);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        return definition;
    }

    /// <summary>Deletes an if-then or discrete trigger.</summary>
    public async Task DeleteAsync(string oid, CancellationToken cancellationToken)
    {
        SetupTriggerEvent report;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_definitions.ContainsKey(oid))
            {
                report = Deleted(SetupTriggerTypes.IfThenCode, oid);
                await SaveDefinitionsAsync(All().Where(d => d.Oid != oid), report, cancellationToken);
                _definitions.TryRemove(oid, out _);
            }
            else if (_discrete.ContainsKey(oid))
            {
                report = Deleted(SetupTriggerTypes.DiscreteCode, oid);
                await SaveDiscreteAsync(AllDiscrete().Where(d => d.Oid != oid), report, cancellationToken);
                _discrete.TryRemove(oid, out _);
            }
            else throw new OverkizException(OverkizError.UnknownObject());
            UnregisterAll(oid);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
    }

    private SetupTriggerEvent Deleted(int type, string oid) =>
        new(Now(), identity.SetupOid, type, oid, null, null, null, null, null, null, null, null, "Deleted");

    /// <summary>
    /// Switches a trigger on (1 always on, 3 scheduled) or off (2). Switched on while its condition already holds, it
    /// waits for the condition to become false first, unless <paramref name="allowExecuteOnUpdate"/> or the
    /// trigger's allowExecuteOnEnabled says to start its activation delay now.
    /// </summary>
    public async Task SetModeAsync(string oid, int mode, bool allowExecuteOnUpdate, CancellationToken cancellationToken)
    {
        if (!TriggerModes.IsValid(mode)) throw new OverkizException(OverkizError.BadParameters("mode is 1 (always on), 2 (off) or 3 (scheduled)"));
        SetupTriggerModeChangedEvent report;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = Now();
            bool wasOff, allowOnEnabled;
            if (_definitions.TryGetValue(oid, out var ifThen))
            {
                report = new SetupTriggerModeChangedEvent(now, identity.SetupOid, SetupTriggerTypes.IfThenCode, oid, mode);
                wasOff = ifThen.Mode == TriggerModes.Off;
                allowOnEnabled = ifThen.AllowExecuteOnEnabled;
                var definition = ifThen with { Mode = mode, LastUpdateTime = now };
                await SaveDefinitionsAsync(All().Select(d => d.Oid == oid ? definition : d), report, cancellationToken);
                _definitions[oid] = definition;
            }
            else if (_discrete.TryGetValue(oid, out var discrete))
            {
                report = new SetupTriggerModeChangedEvent(now, identity.SetupOid, SetupTriggerTypes.DiscreteCode, oid, mode);
                wasOff = discrete.Mode == TriggerModes.Off;
                allowOnEnabled = discrete.AllowExecuteOnEnabled;
                var definition = discrete with { Mode = mode, LastUpdateTime = now };
                await SaveDiscreteAsync(AllDiscrete().Select(d => d.Oid == oid ? definition : d), report, cancellationToken);
                _discrete[oid] = definition;
            }
            else throw new OverkizException(OverkizError.UnknownObject());
            foreach (var part in _parts[oid])
            {
                part.Definition = part.Definition with { Mode = mode };
                if (wasOff && mode != TriggerModes.Off) Initialize(part, now, allowExecuteOnUpdate || allowOnEnabled);
                else Reconsider(part, now, LocalTime(now));
            }
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
    }

    public async Task<SetupTriggerStatus> StatusAsync(string oid, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_parts.TryGetValue(oid, out var parts)) throw new OverkizException(OverkizError.UnknownObject());
            return Status(oid, parts, LocalTime(Now()));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The status of every trigger, or of those of one type (<see cref="SetupTriggerTypes"/>).</summary>
    public async Task<IReadOnlyList<SetupTriggerStatus>> StatusesAsync(CancellationToken cancellationToken, string? type = null)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var local = LocalTime(Now());
            return _parts
                .Where(p => type is null || (type == SetupTriggerTypes.Discrete) == _discrete.ContainsKey(p.Key))
                .OrderBy(p => p.Value[0].Definition.CreationTime).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => Status(p.Key, p.Value, local)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Validates a definition as creation would, then runs its effects now, whatever its condition.</summary>
    public async Task<IReadOnlyList<string>> TestAsync(IfThenSetupTrigger draft, CancellationToken cancellationToken)
    {
        Compile(draft with { Oid = "test" }, strict: true);
        return await RunNowAsync(draft.Effects, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> RunNowAsync(IReadOnlyList<TriggerEffect> effects, CancellationToken cancellationToken)
    {
        var execIds = new List<string>();
        foreach (var effect in effects)
            execIds.Add(await actionGroups.ExecuteAsync(effect.ActionGroupEffect!.ActionGroupOid, effect.ActionGroupEffect.LocalActionGroup, Owner, "trigger:test", cancellationToken));
        return execIds;
    }

    private void EnsureRoom()
    {
        if (Count >= MaxTriggers) throw new OverkizException(OverkizError.BadParameters($"at most {MaxTriggers} triggers"));
    }

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
