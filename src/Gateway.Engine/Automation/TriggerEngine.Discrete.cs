using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation;

/// <summary>
/// Discrete triggers. Each value of the effects list becomes one runtime whose condition is "the state equals this
/// value", with that value's activation and deactivation delays, so values fire, wait and re-arm independently and
/// share everything else (index, windows, persistence) with if-then triggers.
/// </summary>
public sealed partial class TriggerEngine
{
    public const int MaxDiscreteValues = 50;

    public IReadOnlyList<DiscreteTrigger> AllDiscrete() =>
        _discrete.Values.OrderBy(t => t.CreationTime).ThenBy(t => t.Oid, StringComparer.Ordinal).ToList();

    public DiscreteTrigger? FindDiscrete(string oid) => _discrete.GetValueOrDefault(oid);

    public async Task<DiscreteTrigger> CreateAsync(DiscreteTrigger draft, bool allowExecuteOnCreate, CancellationToken cancellationToken)
    {
        var now = Now();
        var oid = Guid.NewGuid().ToString();
        var definition = draft with { Oid = oid, Id = oid, CreationTime = now, LastUpdateTime = now };
        var parts = CompileDiscrete(definition, strict: true);
        var report = Report(definition, "Created");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            EnsureRoom();
            await SaveDiscreteAsync(AllDiscrete().Append(definition), report, cancellationToken);
            _discrete[oid] = definition;
            foreach (var part in Register(definition, parts)) Initialize(part, now, allowExecuteOnCreate);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        logger.LogInformation("Discrete trigger {Oid} {Label} created", oid, definition.Label);
        return definition;
    }

    public async Task<DiscreteTrigger> UpdateAsync(DiscreteTrigger draft, CancellationToken cancellationToken)
    {
        if (draft.Oid is not { } oid) throw Bad("the trigger to update needs its oid");
        DiscreteTrigger definition;
        SetupTriggerEvent report;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_discrete.TryGetValue(oid, out var old)) throw new OverkizException(OverkizError.UnknownObject());
            var now = Now();
            definition = draft with { Id = old.Id, CreationTime = old.CreationTime, LastUpdateTime = now };
            var parts = CompileDiscrete(definition, strict: true);
            report = Report(definition, "Updated");
            await SaveDiscreteAsync(AllDiscrete().Select(d => d.Oid == oid ? definition : d), report, cancellationToken);
            UnregisterAll(oid);
            _discrete[oid] = definition;
            foreach (var part in Register(definition, parts)) Initialize(part, now, allowExecute: false);
            await CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        bus.Publish(report);
        return definition;
    }

    /// <summary>PUT /triggers/test/discrete/{oid}: runs the effects of one value now, whatever the state.</summary>
    public Task<IReadOnlyList<string>> TestDiscreteAsync(string oid, string targetValue, CancellationToken cancellationToken)
    {
        var definition = FindDiscrete(oid) ?? throw new OverkizException(OverkizError.UnknownObject());
        var entry = definition.EffectsList.FirstOrDefault(e => e.Key == targetValue)
            ?? throw Bad($"the discrete trigger has no effects for the value {targetValue}");
        return RunNowAsync(entry.Effects, cancellationToken);
    }

    /// <summary>POST /triggers/test with a discrete body: validates it, then runs the effects of the state's current value.</summary>
    public async Task<IReadOnlyList<string>> TestAsync(DiscreteTrigger draft, CancellationToken cancellationToken)
    {
        CompileDiscrete(draft with { Oid = "test" }, strict: true);
        var current = registry.Find(draft.DeviceUrl)?.FindState(draft.StateName) is { } state ? Text(state.Value) : null;
        var entry = draft.EffectsList.FirstOrDefault(e => e.Key == current);
        return entry is null ? [] : await RunNowAsync(entry.Effects, cancellationToken);
    }

    private void Register(DiscreteTrigger definition, bool strict)
    {
        _discrete[definition.Oid!] = definition;
        Register(definition, CompileDiscrete(definition, strict));
    }

    private List<TriggerRuntime> Register(DiscreteTrigger definition, IReadOnlyList<(string Key, IfThenSetupTrigger Part, Compiled Compiled)> parts) =>
        parts.Select(p => Register(p.Part, definition.Oid!, p.Compiled, p.Key, definition.ExecuteAlways, (definition.DeviceUrl, definition.StateName))).ToList();

    private List<(string Key, IfThenSetupTrigger Part, Compiled Compiled)> CompileDiscrete(DiscreteTrigger definition, bool strict)
    {
        if (strict) ValidateDiscrete(definition);
        var parts = new List<(string, IfThenSetupTrigger, Compiled)>();
        var entries = definition.EffectsList ?? [];
        for (var index = 0; index < entries.Count; index++)
        {
            var part = Part(definition, index, entries[index]);
            parts.Add((entries[index].Key, part, Compile(part, strict)));
        }
        return parts;
    }

    private void ValidateDiscrete(DiscreteTrigger definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Label) || definition.Label.Length > 200) throw Bad("a trigger needs a label of at most 200 characters");
        if (string.IsNullOrWhiteSpace(definition.StateName)) throw Bad("a discrete trigger needs a stateName");
        if (!string.IsNullOrEmpty(definition.ObjectPath)) throw Bad("objectPath is not supported");
        var entries = definition.EffectsList ?? [];
        if (entries.Count is 0 or > MaxDiscreteValues) throw Bad($"a discrete trigger needs 1 to {MaxDiscreteValues} entries in effectsList");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is null || string.IsNullOrEmpty(entry.Key)) throw Bad("every effectsList entry needs a key (the state value it reacts to)");
            if (!keys.Add(entry.Key)) throw Bad($"the value {entry.Key} appears twice in effectsList");
        }
        foreach (var delays in new[] { definition.ActivationDelays, definition.DeactivationDelays })
            foreach (var (key, seconds) in delays?.Map ?? new Dictionary<string, int>())
            {
                if (!keys.Contains(key)) throw Bad($"a delay is given for the value {key}, which has no effects");
                if (seconds is < 0 or > MaxActivationDelaySeconds) throw Bad($"delays are 0 .. {MaxActivationDelaySeconds} seconds");
            }
    }

    /// <summary>The if-then equivalent of one value: "stateName EQUALS key", with that value's delays and effects.</summary>
    private static IfThenSetupTrigger Part(DiscreteTrigger definition, int index, DiscreteEffects entry)
    {
        var key = entry?.Key ?? "";
        var condition = new DeviceStateCondition
        {
            DeviceUrl = definition.DeviceUrl,
            StateName = definition.StateName,
            Operator = "EQUALS",
            Value1 = JsonString(key),
            ActivationDelay = definition.ActivationDelays?.Map.GetValueOrDefault(key),
            DeactivationDelay = definition.DeactivationDelays?.Map.GetValueOrDefault(key),
        };
        return new IfThenSetupTrigger
        {
            Oid = $"{definition.Oid}#{index}",
            Id = definition.Oid,
            CreationTime = definition.CreationTime,
            LastUpdateTime = definition.LastUpdateTime,
            Label = definition.Label,
            Mode = definition.Mode,
            SchedulingIntervals = definition.SchedulingIntervals,
            AllowExecuteOnEnabled = definition.AllowExecuteOnEnabled,
            AllowFromUnknownValue = definition.AllowFromUnknownValue,
            RootConditionBlock = new ConditionBlock { StaticDeviceStateCondition = condition },
            Effects = entry?.Effects ?? [],
        };
    }

    private static JsonElement JsonString(string text) => JsonSerializer.SerializeToElement(text, AutomationJsonContext.Default.String);

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();

    private SetupTriggerEvent Report(DiscreteTrigger definition, string change) =>
        new(definition.LastUpdateTime, identity.SetupOid, SetupTriggerTypes.DiscreteCode, definition.Oid!, definition.Id,
            definition.Label, definition.Metadata, definition.Mode, [definition.DeviceUrl],
            definition.EffectsList.SelectMany(e => e.Effects).ToList(), null, definition.SchedulingIntervals, change);
}
