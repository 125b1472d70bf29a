using System.Collections.Immutable;
using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Cloud;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Engine.Calendars;
using Gateway.Engine.Devices;
using Gateway.Engine.Executions;
using Gateway.Engine.Location;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation.CommandScheduling;

/// <summary>
/// Runs the command-scheduling triggers: <see cref="GenericCommandSchedulingTrigger"/> (one command on one device at
/// times of every local day) and <see cref="DelayedCommandsSchedulingTrigger"/> (commands on one device once, at a
/// local date and time). Commands go through <see cref="ExecutionEngine.ApplyAsync"/> as owner "trigger", source
/// "trigger:&lt;oid&gt;", so they show in history.
/// </summary>
/// <remarks>
/// <para>
/// Each firing — (trigger, schedule, time, local date) for a generic trigger, the trigger itself for a delayed one — is
/// handled at most once: it is marked as handled, durably and before it runs, with its local date, so neither a restart
/// nor a clock set back runs it again. What a firing does is decided when it falls due: nothing if it is more than
/// <see cref="GraceWindow"/> late (the gateway was off, or the clock jumped forward: logged), nothing if the trigger
/// is off or a state restriction does not hold, else its commands run. Either way the firing is over.
/// </para>
/// <para>
/// Times are local to the home's time zone (<see cref="LocalTimes.At"/>): a time skipped by a forward DST change
/// happens at the end of the gap, a repeated one at its first occurrence, once. A one-second wall-clock tick is the
/// safety net; a one-shot timer armed for the next due instant makes firings land on time.
/// </para>
/// <para>
/// A time already more than the grace window past when a generic trigger (or that time of it) is created or changed
/// is not run that day; one less late runs at once, as a delayed trigger created up to five minutes after its time
/// does (one further in the past is refused).
/// </para>
/// </remarks>
public sealed partial class CommandSchedulingTriggerService(
    DeviceRegistry registry,
    ExecutionEngine engine,
    LocationService location,
    ISettingsStore settings,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    ILogger<CommandSchedulingTriggerService> logger,
    TriggerSwitch? triggerSwitch = null,
    IUplinkReports? reports = null) : IAsyncDisposable
{
    private readonly IUplinkReports _reports = reports ?? NoUplinkReports.Instance;
    public const string DefinitionsKey = "automation.commandTriggers";
    internal const string FiredKey = "automation.commandTriggers.fired";
    internal const string Owner = "trigger";
    internal const string TestSource = "trigger:test";
    internal const int MaxTriggers = 1000;
    internal const int MaxSchedules = 20;
    internal const int MaxTimesPerSchedule = 10;
    internal const int MaxCommandCalls = 20;
    internal const int MaxRestrictions = 20;
    internal static readonly TimeSpan GraceWindow = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ImmutableDictionary<string, GenericCommandSchedulingTrigger> _generic = ImmutableDictionary.Create<string, GenericCommandSchedulingTrigger>(StringComparer.Ordinal);
    private ImmutableDictionary<string, DelayedCommandsSchedulingTrigger> _delayed = ImmutableDictionary.Create<string, DelayedCommandsSchedulingTrigger>(StringComparer.Ordinal);
    private ImmutableDictionary<string, FiredMark> _marks = ImmutableDictionary.Create<string, FiredMark>(StringComparer.Ordinal);
    private int _version;
    private long _fired;

    /// <summary>How many firings ran (were handed to the execution engine) since start.</summary>
    public long Fired => Interlocked.Read(ref _fired);

    // ---- lifetime ----

    /// <summary>Reads the stored triggers and what has fired; fires nothing.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        Action<string> Skipped(string key) => reason => logger.LogError("Stored {Key} (or an item of it) cannot be loaded and is skipped: {Reason}", key, reason);
        var document = ReadDocument(await settings.GetAsync(DefinitionsKey, ct), Skipped(DefinitionsKey));
        var marks = StoredJson.ReadOne(await settings.GetAsync(FiredKey, ct), CommandSchedulingJsonContext.Default.DictionaryStringFiredMark, Skipped(FiredKey))
            ?? [];
        await _gate.WaitAsync(ct);
        try
        {
            _generic = (document.Generic ?? []).Where(d => d?.Oid is not null).ToImmutableDictionary(d => d.Oid!, StringComparer.Ordinal);
            _delayed = (document.Delayed ?? []).Where(d => d?.Oid is not null).ToImmutableDictionary(d => d.Oid!, StringComparer.Ordinal);
            _marks = marks.Where(p => p.Value is not null).ToImmutableDictionary(StringComparer.Ordinal);
            Interlocked.Increment(ref _version);
        }
        finally
        {
            _gate.Release();
        }
        logger.LogInformation("Loaded {Generic} generic and {Delayed} delayed command-scheduling trigger(s)", _generic.Count, _delayed.Count);
    }

    /// <summary>The stored triggers, each read on its own so one that cannot be read costs only itself.</summary>
    private static CommandTriggerDocument ReadDocument(string? json, Action<string> skipped)
    {
        if (json is null) return new();
        using var parsed = StoredJson.Parse(json, skipped, (long)Gateway.Core.Limits.ApiLimits.MaxStoredDocumentLength * 64);
        if (parsed is null) return new();
        var root = parsed.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            skipped("expected a JSON object");
            return new();
        }
        return new CommandTriggerDocument
        {
            Generic = root.TryGetProperty("generic", out var generic)
                ? StoredJson.ReadList(generic, CommandSchedulingJsonContext.Default.GenericCommandSchedulingTrigger, skipped) : [],
            Delayed = root.TryGetProperty("delayed", out var delayed)
                ? StoredJson.ReadList(delayed, CommandSchedulingJsonContext.Default.DelayedCommandsSchedulingTrigger, skipped) : [],
        };
    }

    // ---- reading ----

    public IReadOnlyList<GenericCommandSchedulingTrigger> AllGeneric() =>
        _generic.Values.OrderBy(t => t.CreationTime).ThenBy(t => t.Oid, StringComparer.Ordinal).ToList();

    public IReadOnlyList<DelayedCommandsSchedulingTrigger> AllDelayed()
    {
        var marks = _marks;
        return _delayed.Values.OrderBy(t => t.CreationTime).ThenBy(t => t.Oid, StringComparer.Ordinal).Select(t => WithFired(t, marks)).ToList();
    }

    public GenericCommandSchedulingTrigger? FindGeneric(string oid) => _generic.GetValueOrDefault(oid);

    public DelayedCommandsSchedulingTrigger? FindDelayed(string oid) =>
        _delayed.TryGetValue(oid, out var trigger) ? WithFired(trigger, _marks) : null;

    // ---- changes ----

    public async Task<GenericCommandSchedulingTrigger> CreateAsync(GenericCommandSchedulingTrigger draft, CancellationToken ct)
    {
        Validate(draft);
        GenericCommandSchedulingTrigger definition;
        SetupTriggerEvent report;
        await _gate.WaitAsync(ct);
        try
        {
            EnsureRoom();
            var now = time.GetUtcNow();
            var oid = Guid.NewGuid().ToString();
            definition = draft with { Oid = oid, Id = oid, CreationTime = now.ToUnixTimeMilliseconds(), LastUpdateTime = now.ToUnixTimeMilliseconds() };
            report = Report(definition, "Created");
            await CommitAsync(Restamp(_marks, definition, previous: null, now), _generic.SetItem(oid, definition), _delayed, report, ct);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        logger.LogInformation("Generic command-scheduling trigger {Oid} {Label} created", definition.Oid, definition.Label);
        Wake();
        return definition;
    }

    public async Task<DelayedCommandsSchedulingTrigger> CreateAsync(DelayedCommandsSchedulingTrigger draft, CancellationToken ct)
    {
        Validate(draft, checkPast: true);
        DelayedCommandsSchedulingTrigger definition;
        SetupTriggerEvent report;
        await _gate.WaitAsync(ct);
        try
        {
            EnsureRoom();
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var oid = Guid.NewGuid().ToString();
            definition = draft with { Oid = oid, Id = oid, CreationTime = now, LastUpdateTime = now, FiredTime = null, FiredResult = null };
            report = Report(definition, "Created");
            await CommitAsync(_marks.Remove(oid), _generic, _delayed.SetItem(oid, definition), report, ct);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        logger.LogInformation("Delayed command-scheduling trigger {Oid} {Label} created", definition.Oid, definition.Label);
        Wake();
        return definition;
    }

    /// <summary>
    /// Replaces a generic trigger (named by <c>draft.Oid</c>). A schedule time whose minutes or whose schedule's
    /// enabled flag changed counts as new (it may run again today); an unchanged one keeps what it did today.
    /// </summary>
    public async Task<GenericCommandSchedulingTrigger> UpdateAsync(GenericCommandSchedulingTrigger draft, CancellationToken ct)
    {
        if (draft.Oid is not { } oid || !_generic.ContainsKey(oid)) throw new OverkizException(OverkizError.UnknownObject());
        Validate(draft);
        GenericCommandSchedulingTrigger definition;
        SetupTriggerEvent report;
        await _gate.WaitAsync(ct);
        try
        {
            if (!_generic.TryGetValue(oid, out var old)) throw new OverkizException(OverkizError.UnknownObject());
            var now = time.GetUtcNow();
            definition = draft with { Id = old.Id, CreationTime = old.CreationTime, LastUpdateTime = now.ToUnixTimeMilliseconds() };
            report = Report(definition, "Updated");
            await CommitAsync(Restamp(_marks, definition, old, now), _generic.SetItem(oid, definition), _delayed, report, ct);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        Wake();
        return definition;
    }

    /// <summary>
    /// Replaces a delayed trigger (named by <c>draft.Oid</c>). A new date or time makes it pending again (and must
    /// not be in the past); with the same date and time, one that already fired stays done.
    /// </summary>
    public async Task<DelayedCommandsSchedulingTrigger> UpdateAsync(DelayedCommandsSchedulingTrigger draft, CancellationToken ct)
    {
        if (draft.Oid is not { } oid || !_delayed.TryGetValue(oid, out var current)) throw new OverkizException(OverkizError.UnknownObject());
        Validate(draft, checkPast: !SameTime(current, draft));
        DelayedCommandsSchedulingTrigger definition;
        SetupTriggerEvent report;
        await _gate.WaitAsync(ct);
        try
        {
            if (!_delayed.TryGetValue(oid, out var old)) throw new OverkizException(OverkizError.UnknownObject());
            if (!ReferenceEquals(old, current)) Validate(draft, checkPast: !SameTime(old, draft)); // changed meanwhile
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            definition = draft with { Id = old.Id, CreationTime = old.CreationTime, LastUpdateTime = now, FiredTime = null, FiredResult = null };
            var marks = SameTime(old, definition) ? _marks : _marks.Remove(oid);
            report = Report(definition, "Updated");
            await CommitAsync(marks, _generic, _delayed.SetItem(oid, definition), report, ct);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        Wake();
        return WithFired(definition, _marks);
    }

    /// <summary>Deletes a generic or delayed trigger.</summary>
    public async Task DeleteAsync(string oid, CancellationToken ct)
    {
        SetupTriggerEvent report;
        await _gate.WaitAsync(ct);
        try
        {
            var generic = _generic;
            var delayed = _delayed;
            int type;
            if (generic.ContainsKey(oid))
            {
                type = SetupTriggerTypes.GenericCommandSchedulingCode;
                generic = generic.Remove(oid);
            }
            else if (delayed.ContainsKey(oid))
            {
                type = SetupTriggerTypes.DelayedCommandsSchedulingCode;
                delayed = delayed.Remove(oid);
            }
            else throw new OverkizException(OverkizError.UnknownObject());
            var marks = _marks.RemoveRange(_marks.Keys.Where(k => k == oid || k.StartsWith(oid + ":", StringComparison.Ordinal)));
            report = new SetupTriggerEvent(Now(), identity.SetupOid, type, oid, null, null, null, null, null, null, null, null, "Deleted");
            await CommitAsync(marks, generic, delayed, report, ct);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        logger.LogInformation("Command-scheduling trigger {Oid} deleted", oid);
    }

    /// <summary>
    /// Switches a trigger on (1 always on, 3 scheduled: the same here) or off (2). Firings that fall due while it is off
    /// are over: switching it back on does not catch them up.
    /// </summary>
    public async Task SetModeAsync(string oid, int mode, CancellationToken ct)
    {
        if (!TriggerModes.IsValid(mode)) throw Bad("mode is 1 (always on), 2 (off) or 3 (scheduled)");
        SetupTriggerModeChangedEvent report;
        await _gate.WaitAsync(ct);
        try
        {
            var now = Now();
            if (_generic.TryGetValue(oid, out var generic))
            {
                report = new SetupTriggerModeChangedEvent(now, identity.SetupOid, SetupTriggerTypes.GenericCommandSchedulingCode, oid, mode);
                await CommitAsync(_marks, _generic.SetItem(oid, generic with { Mode = mode, LastUpdateTime = now }), _delayed, report, ct);
            }
            else if (_delayed.TryGetValue(oid, out var delayed))
            {
                report = new SetupTriggerModeChangedEvent(now, identity.SetupOid, SetupTriggerTypes.DelayedCommandsSchedulingCode, oid, mode);
                await CommitAsync(_marks, _generic, _delayed.SetItem(oid, delayed with { Mode = mode, LastUpdateTime = now }), report, ct);
            }
            else throw new OverkizException(OverkizError.UnknownObject());
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        Wake();
    }

    // ---- status ----

    /// <summary>
    /// One sub-trigger per command schedule of a generic trigger (named by its label, else <c>commandSchedule{i}</c>),
    /// one for a delayed trigger; active while it can still fire (on, schedule enabled, delayed one not yet handled).
    /// The activation deadline is the next firing (UTC ms), null when there is none or the trigger is off.
    /// </summary>
    public async Task<SetupTriggerStatus> StatusAsync(string oid, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_generic.TryGetValue(oid, out var generic)) return Status(generic, now);
            if (_delayed.TryGetValue(oid, out var delayed)) return Status(delayed, now);
            throw new OverkizException(OverkizError.UnknownObject());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The status of every command-scheduling trigger, or of those of one type (<see cref="SetupTriggerTypes"/>).</summary>
    public async Task<IReadOnlyList<SetupTriggerStatus>> StatusesAsync(string? type, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            var all = new List<(long Created, string Oid, SetupTriggerStatus Status)>();
            if (type is null or SetupTriggerTypes.GenericCommandScheduling)
                all.AddRange(_generic.Values.Select(t => (t.CreationTime, t.Oid!, Status(t, now))));
            if (type is null or SetupTriggerTypes.DelayedCommandsScheduling)
                all.AddRange(_delayed.Values.Select(t => (t.CreationTime, t.Oid!, Status(t, now))));
            return all.OrderBy(s => s.Created).ThenBy(s => s.Oid, StringComparer.Ordinal).Select(s => s.Status).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    // ---- tests ----

    /// <summary>Validates a definition as creation would, then runs its first enabled schedule's command now, whatever its restrictions and mode.</summary>
    public async Task<IReadOnlyList<string>> TestAsync(GenericCommandSchedulingTrigger draft, CancellationToken ct)
    {
        Validate(draft);
        var schedule = draft.CommandSchedules.FirstOrDefault(s => s.Enabled) ?? throw Bad("no enabled command schedule to test");
        var execId = await engine.ApplyAsync(new ExecutionRequest(draft.Label, [CommandTriggerTimes.Action(draft, schedule)], Owner, TestSource), ct);
        return [execId];
    }

    /// <summary>Validates a definition as creation would (its date may be past), then runs its commands now, whatever its restrictions and mode.</summary>
    public async Task<IReadOnlyList<string>> TestAsync(DelayedCommandsSchedulingTrigger draft, CancellationToken ct)
    {
        Validate(draft, checkPast: false);
        var execId = await engine.ApplyAsync(new ExecutionRequest(draft.Label, [CommandTriggerTimes.Action(draft)], Owner, TestSource), ct);
        return [execId];
    }

    // ---- helpers ----

    private SetupTriggerStatus Status(GenericCommandSchedulingTrigger trigger, DateTimeOffset now)
    {
        var on = trigger.Mode != TriggerModes.Off;
        var schedules = trigger.CommandSchedules ?? [];
        var subTriggers = schedules.Select((s, i) => new SubTriggerStatus(
            string.IsNullOrEmpty(s?.Label) ? $"commandSchedule{i}" : s.Label, on && s is { Enabled: true }, false)).ToList();
        return new SetupTriggerStatus(trigger.Oid!, trigger.Mode, [], subTriggers, on ? NextFiring(trigger, now)?.ToUnixTimeMilliseconds() : null);
    }

    private SetupTriggerStatus Status(DelayedCommandsSchedulingTrigger trigger, DateTimeOffset now)
    {
        var pending = !_marks.ContainsKey(trigger.Oid!) && trigger.Mode != TriggerModes.Off;
        var deadline = pending && CommandTriggerTimes.Due(trigger, Zone()) is { } due ? due.At.ToUnixTimeMilliseconds() : (long?)null;
        return new SetupTriggerStatus(trigger.Oid!, trigger.Mode, [],
            [new SubTriggerStatus(SetupTriggerTypes.DelayedCommandsScheduling, pending, false)], deadline);
    }

    /// <summary>The next firing of a generic trigger not yet handled (one due a moment ago counts: it is about to run).</summary>
    private DateTimeOffset? NextFiring(GenericCommandSchedulingTrigger trigger, DateTimeOffset now)
    {
        var zone = Zone();
        var today = LocalTimes.DateOf(now, zone);
        var marks = _marks;
        DateTimeOffset? next = null;
        foreach (var firing in CommandTriggerTimes.Firings(trigger, zone, today.AddDays(-1), today.AddDays(1)))
            if (!IsHandled(marks, firing) && firing.At > now - GraceWindow && (next is null || firing.At < next)) next = firing.At;
        return next;
    }

    private static bool IsHandled(ImmutableDictionary<string, FiredMark> marks, CommandFiring firing) =>
        marks.TryGetValue(firing.Key, out var mark) && mark.LocalDate >= firing.Date;

    /// <summary>
    /// The marks after a generic trigger is created or changed: those of times gone are dropped; a time new or changed
    /// starts afresh, except that its firings already more than the grace window past count as handled.
    /// </summary>
    private ImmutableDictionary<string, FiredMark> Restamp(ImmutableDictionary<string, FiredMark> marks, GenericCommandSchedulingTrigger definition,
        GenericCommandSchedulingTrigger? previous, DateTimeOffset now)
    {
        var oid = definition.Oid!;
        var zone = Zone();
        var today = LocalTimes.DateOf(now, zone);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var schedules = definition.CommandSchedules;
        for (var s = 0; s < schedules.Count; s++)
        {
            var times = schedules[s].ScheduleTimes;
            for (var t = 0; t < times.Count; t++)
            {
                var key = CommandTriggerTimes.Key(oid, s, t);
                keys.Add(key);
                var minutes = times[t].DailyTime?.MinutesOfDay;
                if (previous?.CommandSchedules is { } before && s < before.Count && before[s] is { } old && old.Enabled == schedules[s].Enabled
                    && old.ScheduleTimes is { } oldTimes && t < oldTimes.Count && oldTimes[t]?.DailyTime?.MinutesOfDay == minutes)
                    continue;
                marks = marks.Remove(key);
                if (CommandTriggerTimes.TimeOf(minutes) is not { } localTime) continue;
                for (var date = today; date >= today.AddDays(-1); date = date.AddDays(-1))
                {
                    if (LocalTimes.At(date, localTime, zone) > now - GraceWindow) continue;
                    marks = marks.SetItem(key, FiredMark.Of(date, now.ToUnixTimeMilliseconds(), FiredResults.BeforeCreation));
                    break;
                }
            }
        }
        return marks.RemoveRange(marks.Keys.Where(k => k.StartsWith(oid + ":", StringComparison.Ordinal) && !keys.Contains(k)));
    }

    private static bool SameTime(DelayedCommandsSchedulingTrigger a, DelayedCommandsSchedulingTrigger b) =>
        a.CommandYear == b.CommandYear && a.CommandMonth == b.CommandMonth && a.CommandDay == b.CommandDay && a.CommandMinutes == b.CommandMinutes;

    private static DelayedCommandsSchedulingTrigger WithFired(DelayedCommandsSchedulingTrigger trigger, ImmutableDictionary<string, FiredMark> marks) =>
        marks.TryGetValue(trigger.Oid!, out var mark) ? trigger with { FiredTime = mark.At, FiredResult = mark.Result } : trigger;

    private void EnsureRoom()
    {
        if (_generic.Count + _delayed.Count >= MaxTriggers) throw Bad($"at most {MaxTriggers} command-scheduling triggers");
    }

    /// <summary>
    /// Stores marks and definitions (marks first: a mark without its trigger is harmless), the definitions with the
    /// uplink messages of <paramref name="report"/> in one transaction, then makes them current. The caller publishes
    /// <paramref name="report"/> once the gate is released.
    /// </summary>
    private async Task CommitAsync(ImmutableDictionary<string, FiredMark> marks, ImmutableDictionary<string, GenericCommandSchedulingTrigger> generic,
        ImmutableDictionary<string, DelayedCommandsSchedulingTrigger> delayed, GatewayEvent report, CancellationToken ct)
    {
        if (marks != _marks) await SaveMarksAsync(marks, ct);
        var document = new CommandTriggerDocument
        {
            Generic = generic.Values.OrderBy(t => t.CreationTime).ThenBy(t => t.Oid, StringComparer.Ordinal).ToList(),
            Delayed = delayed.Values.OrderBy(t => t.CreationTime).ThenBy(t => t.Oid, StringComparer.Ordinal).ToList(),
        };
        await settings.SetAsync(DefinitionsKey, JsonSerializer.Serialize(document, CommandSchedulingJsonContext.Default.CommandTriggerDocument),
            _reports.Carry(report), ct);
        _generic = generic;
        _delayed = delayed;
        Interlocked.Increment(ref _version);
    }

    private async Task SaveMarksAsync(ImmutableDictionary<string, FiredMark> marks, CancellationToken ct)
    {
        await settings.SetAsync(FiredKey, JsonSerializer.Serialize(new Dictionary<string, FiredMark>(marks, StringComparer.Ordinal),
            CommandSchedulingJsonContext.Default.DictionaryStringFiredMark), ct);
        _marks = marks;
    }

    private SetupTriggerEvent Report(GenericCommandSchedulingTrigger trigger, string change) =>
        new(trigger.LastUpdateTime, identity.SetupOid, SetupTriggerTypes.GenericCommandSchedulingCode, trigger.Oid!, trigger.Id,
            trigger.Label, trigger.Metadata, trigger.Mode, [trigger.DeviceUrl], null, null, null, change);

    private SetupTriggerEvent Report(DelayedCommandsSchedulingTrigger trigger, string change) =>
        new(trigger.LastUpdateTime, identity.SetupOid, SetupTriggerTypes.DelayedCommandsSchedulingCode, trigger.Oid!, trigger.Id,
            trigger.Label, trigger.Metadata, trigger.Mode, [trigger.DeviceUrl], null, null, null, change);

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
