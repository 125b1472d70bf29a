using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Events;
using Gateway.Engine.ActionGroups;

namespace Gateway.Engine.Automation;

/// <summary>Compiling definitions into runtimes, the state index, persistence and events.</summary>
public sealed partial class TriggerEngine
{
    private sealed record Compiled(CompiledCondition Condition, ConditionDependencies Dependencies, IReadOnlyList<DayWindow> Windows, TimeSpan Delay, TimeSpan ReleaseDelay);

    private Compiled Compile(IfThenSetupTrigger definition, bool strict)
    {
        if (strict) Validate(definition);
        var dependencies = new ConditionDependencies();
        var condition = definition.RootConditionBlock is { } root
            ? conditionGroups.Compiler().Compile(root, strict, dependencies)
            : CompiledCondition.Missing();
        var windows = (definition.SchedulingIntervals ?? []).Select(i => DayWindow.From(i, strict, location.SunTimesOn)).OfType<DayWindow>().ToList();
        var delay = definition.RootConditionBlock is { } block ? Math.Clamp(ConditionCompiler.RootActivationDelay(block), 0, MaxActivationDelaySeconds) : 0;
        var release = definition.RootConditionBlock is { } rootBlock ? Math.Clamp(ConditionCompiler.RootDeactivationDelay(rootBlock), 0, MaxActivationDelaySeconds) : 0;
        return new Compiled(condition, dependencies, windows, TimeSpan.FromSeconds(delay), TimeSpan.FromSeconds(release));
    }

    private void Validate(IfThenSetupTrigger definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Label) || definition.Label.Length > 200) throw Bad("a trigger needs a label of at most 200 characters");
        if (!TriggerModes.IsValid(definition.Mode)) throw Bad("mode is 1 (always on), 2 (off) or 3 (scheduled)");
        if (definition.RootConditionBlock is not { } root) throw Bad("a trigger needs a rootConditionBlock");
        if (ConditionCompiler.RootActivationDelay(root) is < 0 or > MaxActivationDelaySeconds) throw Bad($"activationDelay is 0 .. {MaxActivationDelaySeconds} seconds");
        if (definition.SchedulingIntervals is { Count: > 20 }) throw Bad("at most 20 scheduling intervals");
        ValidateEffects(definition.Effects);
    }

    private void ValidateEffects(IReadOnlyList<TriggerEffect>? effects)
    {
        if (effects is null || effects.Count is 0 or > MaxEffects) throw Bad($"a trigger needs 1 to {MaxEffects} effects");
        foreach (var effect in effects)
        {
            if (effect?.ActionGroupEffect is not { } run) throw Bad("an effect is an actionGroupEffect with an actionGroupOID or a localActionGroup");
            if (ManagedActionGroups.IsPresent(run.LocalActionGroup)) actionGroups.ValidateManaged(ManagedActionGroups.Read(run.LocalActionGroup!.Value));
            else if (string.IsNullOrEmpty(run.ActionGroupOid)) throw Bad("an effect is an actionGroupEffect with an actionGroupOID or a localActionGroup");
            else if (actionGroups.Find(run.ActionGroupOid) is null) throw Bad($"unknown action group {run.ActionGroupOid}");
        }
    }

    /// <summary>Registers a stored if-then trigger (lenient: what cannot run any more evaluates as unknown).</summary>
    private void Register(IfThenSetupTrigger definition, bool strict)
    {
        _definitions[definition.Oid!] = definition;
        Register(definition, definition.Oid!, Compile(definition, strict));
    }

    private TriggerRuntime Register(IfThenSetupTrigger part, string parentOid, Compiled compiled, string? key = null, bool executeAlways = false,
        (string, string)? watched = null)
    {
        var trigger = new TriggerRuntime(part, parentOid, compiled.Condition, compiled.Dependencies, compiled.Windows, compiled.Delay, compiled.ReleaseDelay)
        {
            Key = key,
            ExecuteAlways = executeAlways,
            Watched = watched,
        };
        _runtimes[trigger.Id] = trigger;
        if (!_parts.TryGetValue(parentOid, out var parts)) _parts[parentOid] = parts = [];
        parts.Add(trigger);
        foreach (var stateKey in trigger.Dependencies.DeviceStates) Index(_byDeviceState, stateKey, trigger);
        foreach (var stateKey in trigger.Dependencies.ControllableStates) Index(_byControllableState, stateKey, trigger);
        if (trigger.Windows.Count > 0) _scheduled.Add(trigger);
        if (executeAlways) Interlocked.Increment(ref _executeAlways);
        return trigger;
    }

    /// <summary>Removes every runtime of a trigger (one for if-then, one per value for discrete).</summary>
    private void UnregisterAll(string parentOid)
    {
        if (!_parts.Remove(parentOid, out var parts)) return;
        foreach (var trigger in parts)
        {
            Disarm(trigger);
            StopRelease(trigger);
            _runtimes.Remove(trigger.Id);
            foreach (var key in trigger.Dependencies.DeviceStates) Unindex(_byDeviceState, key, trigger);
            foreach (var key in trigger.Dependencies.ControllableStates) Unindex(_byControllableState, key, trigger);
            _scheduled.Remove(trigger);
            _latched.Remove(trigger);
            if (trigger.ExecuteAlways) Interlocked.Decrement(ref _executeAlways);
        }
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

    private SetupTriggerStatus Status(string oid, IReadOnlyList<TriggerRuntime> parts, DateTime local)
    {
        var first = parts[0];
        var subTriggers = parts.Select(p => new SubTriggerStatus(p.Key ?? SetupTriggerTypes.IfThen, p.LastCondition == Truth.True, p.ExecuteAlways)).ToList();
        var deadline = parts.Select(p => p.Deadline).Where(d => d is not null).Min();
        return new SetupTriggerStatus(oid, first.Definition.Mode, first.Windows.Select(w => w.Contains(local)).ToList(), subTriggers, deadline);
    }

    /// <summary>Stores the definitions with the uplink messages of <paramref name="report"/>, in one transaction.</summary>
    private Task SaveDefinitionsAsync(IEnumerable<IfThenSetupTrigger> definitions, GatewayEvent report, CancellationToken cancellationToken) =>
        settings.SetAsync(DefinitionsKey, JsonSerializer.Serialize<IReadOnlyList<IfThenSetupTrigger>>(definitions.ToList(), AutomationJsonContext.Default.IReadOnlyListIfThenSetupTrigger),
            _reports.Carry(report), cancellationToken);

    private Task SaveDiscreteAsync(IEnumerable<DiscreteTrigger> definitions, GatewayEvent report, CancellationToken cancellationToken) =>
        settings.SetAsync(DiscreteDefinitionsKey, JsonSerializer.Serialize<IReadOnlyList<DiscreteTrigger>>(definitions.ToList(), AutomationJsonContext.Default.IReadOnlyListDiscreteTrigger),
            _reports.Carry(report), cancellationToken);

    private async Task SaveRuntimeAsync(CancellationToken cancellationToken)
    {
        var document = new TriggerRuntimeDocument
        {
            Pending = _pending.Select(t => new PendingActivation(t.Id, t.Deadline!.Value)).OrderBy(p => p.Deadline).ToList(),
            Latched = _latched.Select(t => t.Id).Order(StringComparer.Ordinal).ToList(),
            Releasing = _releasing.Count == 0 ? [] : _releasing.Select(t => new PendingActivation(t.Id, t.ReleaseAt!.Value)).OrderBy(p => p.Deadline).ToList(),
        };
        await settings.SetAsync(RuntimeKey, JsonSerializer.Serialize(document, AutomationJsonContext.Default.TriggerRuntimeDocument), cancellationToken);
        _runtimeDirty = false;
    }

    private SetupTriggerEvent Report(IfThenSetupTrigger definition, ConditionDependencies dependencies, string change) =>
        new(definition.LastUpdateTime, identity.SetupOid, SetupTriggerTypes.IfThenCode, definition.Oid!, definition.Id,
            definition.Label, definition.Metadata, definition.Mode,
            dependencies.DeviceStates.Select(k => k.DeviceUrl).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            definition.Effects, definition.RootConditionBlock, definition.SchedulingIntervals, change);

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
}
