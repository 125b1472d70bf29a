using System.Collections.Concurrent;
using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Cloud;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Engine.Devices;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Automation;

/// <summary>
/// The stored condition groups (a label and conditions that must all hold), kept as one JSON document in settings,
/// and their evaluation against the devices' current states. Changes are published, so triggers that refer to a
/// group follow it.
/// </summary>
public sealed class ConditionGroupService(
    ISettingsStore settings,
    DeviceRegistry registry,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    ILogger<ConditionGroupService>? logger = null,
    IUplinkReports? reports = null)
{
    private readonly IUplinkReports _reports = reports ?? NoUplinkReports.Instance;
    public const string SettingKey = "automation.conditionGroups";
    public const int MaxGroups = 500;

    private readonly ConcurrentDictionary<string, ConditionGroup> _groups = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writes = new(1, 1);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var json = await settings.GetAsync(SettingKey, cancellationToken);
        if (json is null) return;
        foreach (var group in StoredJson.ReadList(json, AutomationJsonContext.Default.ConditionGroup,
                     reason => logger?.LogError("Stored condition group skipped ({Key}): {Reason}", SettingKey, reason)))
            if (group.Oid is not null) _groups[group.Oid] = group;
    }

    public IReadOnlyList<ConditionGroup> All() => _groups.Values.OrderBy(g => g.CreationTime).ThenBy(g => g.Oid, StringComparer.Ordinal).ToList();

    public ConditionGroup? Find(string oid) => _groups.GetValueOrDefault(oid);

    public async Task<ConditionGroup> CreateAsync(ConditionGroup draft, CancellationToken cancellationToken)
    {
        Validate(draft);
        var now = Now();
        var group = draft with { Oid = Guid.NewGuid().ToString(), CreationTime = now, LastUpdateTime = now };
        ConditionGroupEvent report;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            if (_groups.Count >= MaxGroups) throw new OverkizException(OverkizError.BadParameters($"at most {MaxGroups} condition groups"));
            report = new ConditionGroupEvent(now, identity.SetupOid, group.Oid, group.Label, group.Metadata, group.Conditions, "Created");
            await SaveAsync(All().Append(group), report, cancellationToken);
            _groups[group.Oid] = group;
        }
        finally
        {
            _writes.Release();
        }
        bus.Publish(report);
        return group;
    }

    public async Task<ConditionGroup> UpdateAsync(ConditionGroup draft, CancellationToken cancellationToken)
    {
        Validate(draft);
        ConditionGroup group;
        ConditionGroupEvent report;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var existing = Find(draft.Oid) ?? throw new OverkizException(OverkizError.UnknownObject());
            group = draft with { CreationTime = existing.CreationTime, LastUpdateTime = Now() };
            report = new ConditionGroupEvent(group.LastUpdateTime, identity.SetupOid, group.Oid, group.Label, group.Metadata, group.Conditions, "Updated");
            await SaveAsync(All().Select(g => g.Oid == group.Oid ? group : g), report, cancellationToken);
            _groups[group.Oid] = group;
        }
        finally
        {
            _writes.Release();
        }
        bus.Publish(report);
        return group;
    }

    /// <summary>Deletes a group; triggers that referred to it see an unknown condition (they never fire) until updated.</summary>
    public async Task DeleteAsync(string oid, CancellationToken cancellationToken)
    {
        ConditionGroupEvent report;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            if (!_groups.ContainsKey(oid)) throw new OverkizException(OverkizError.UnknownObject());
            report = new ConditionGroupEvent(Now(), identity.SetupOid, oid, null, null, null, "Deleted");
            await SaveAsync(All().Where(g => g.Oid != oid), report, cancellationToken);
            _groups.TryRemove(oid, out _);
        }
        finally
        {
            _writes.Release();
        }
        bus.Publish(report);
    }

    public ConditionGroupEvaluation Evaluate(string oid)
    {
        var group = Find(oid) ?? throw new OverkizException(OverkizError.UnknownObject());
        var report = new EvaluationReport();
        var truth = Compiler().CompileGroup(group.Conditions, strict: false, new ConditionDependencies()).Evaluate(registry, report);
        return new ConditionGroupEvaluation(truth == Truth.True ? "SUCCESS" : "FAILED", Now(),
            report.FailedDevices.ToList(), report.InvalidatingDevices.ToList(), report.IgnoredControllables.ToList());
    }

    internal ConditionCompiler Compiler() => new(registry, Find);

    private void Validate(ConditionGroup draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Label) || draft.Label.Length > 200) throw new OverkizException(OverkizError.BadParameters("a condition group needs a label of at most 200 characters"));
        Compiler().CompileGroup(draft.Conditions, strict: true, new ConditionDependencies());
    }

    private Task SaveAsync(IEnumerable<ConditionGroup> groups, ConditionGroupEvent report, CancellationToken cancellationToken) =>
        settings.SetAsync(SettingKey, JsonSerializer.Serialize<IReadOnlyList<ConditionGroup>>(groups.ToList(), AutomationJsonContext.Default.IReadOnlyListConditionGroup),
            _reports.Carry(report), cancellationToken);

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
