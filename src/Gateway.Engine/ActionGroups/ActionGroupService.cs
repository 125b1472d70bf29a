using System.Collections.Concurrent;
using Gateway.Core.ActionGroups;
using Gateway.Core.Cloud;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Engine.Devices;
using Gateway.Engine.Executions;

namespace Gateway.Engine.ActionGroups;

/// <summary>The stored action groups (scenes): validated like exec/apply, persisted, and run through the engine.</summary>
public sealed class ActionGroupService(
    IActionGroupStore store,
    DeviceRegistry registry,
    ExecutionEngine engine,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time,
    IUplinkReports? reports = null)
{
    public const int MaxGroups = 1000;
    private readonly IUplinkReports _reports = reports ?? NoUplinkReports.Instance;
    private readonly ConcurrentDictionary<string, ActionGroup> _groups = new(StringComparer.Ordinal);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var group in await store.LoadAllAsync(cancellationToken)) _groups[group.Oid] = group;
    }

    public IReadOnlyList<ActionGroup> All() => _groups.Values.OrderBy(g => g.CreationTime).ToList();

    public ActionGroup? Find(string oid) => _groups.GetValueOrDefault(oid);

    public async Task<ActionGroup> CreateAsync(ActionGroupDraft draft, CancellationToken cancellationToken)
    {
        Validate(draft);
        if (_groups.Count >= MaxGroups) throw new OverkizException(OverkizError.BadParameters($"at most {MaxGroups} action groups"));
        var now = Now();
        var group = Build(draft, Guid.NewGuid().ToString(), now, now);
        var report = new ActionGroupEvent(now, identity.SetupOid, group.Oid, group.Label, "Created");
        await store.SaveAsync(group, _reports.Carry(report), cancellationToken);
        _groups[group.Oid] = group;
        bus.Publish(report);
        return group;
    }

    public async Task<ActionGroup> UpdateAsync(string oid, ActionGroupDraft draft, CancellationToken cancellationToken)
    {
        var existing = Find(oid) ?? throw new OverkizException(OverkizError.UnknownObject());
        Validate(draft);
        var group = Build(draft, oid, existing.CreationTime, Now());
        var report = new ActionGroupEvent(group.LastUpdateTime, identity.SetupOid, oid, group.Label, "Updated");
        await store.SaveAsync(group, _reports.Carry(report), cancellationToken);
        _groups[oid] = group;
        bus.Publish(report);
        return group;
    }

    public async Task DeleteAsync(string oid, CancellationToken cancellationToken)
    {
        if (!_groups.ContainsKey(oid)) throw new OverkizException(OverkizError.UnknownObject());
        var report = new ActionGroupEvent(Now(), identity.SetupOid, oid, null, "Deleted");
        await store.DeleteAsync(oid, _reports.Carry(report), cancellationToken);
        _groups.TryRemove(oid, out _);
        bus.Publish(report);
    }

    /// <summary>Runs a stored group now; <paramref name="source"/> says who started it (local, schedule, trigger …).</summary>
    public Task<string> ExecuteAsync(string oid, string owner, string source, CancellationToken cancellationToken, ExecutionKind? kind = null)
    {
        var group = Find(oid) ?? throw new OverkizException(OverkizError.UnknownObject());
        return engine.ApplyAsync(new ExecutionRequest(group.Label, group.Actions, owner, source) { Kind = kind ?? ExecutionKind.Manual }, cancellationToken);
    }

    /// <summary>Checks a managed (inline) group as a stored one would be checked.</summary>
    public void ValidateManaged(ActionGroupDraft draft) => Validate(draft);

    /// <summary>Runs a managed (inline) group now.</summary>
    public Task<string> ExecuteManagedAsync(ActionGroupDraft draft, string owner, string source, CancellationToken cancellationToken, ExecutionKind? kind = null) =>
        engine.ApplyAsync(new ExecutionRequest(draft.Label, draft.Actions, owner, source) { Kind = kind ?? ExecutionKind.Manual }, cancellationToken);

    /// <summary>Runs an effect's group: the inline one when there is one, else the stored one named by OID.</summary>
    public Task<string> ExecuteAsync(string? oid, System.Text.Json.JsonElement? local, string owner, string source, CancellationToken cancellationToken,
        ExecutionKind? kind = null) =>
        ManagedActionGroups.IsPresent(local)
            ? ExecuteManagedAsync(ManagedActionGroups.Read(local!.Value), owner, source, cancellationToken, kind)
            : ExecuteAsync(oid ?? "", owner, source, cancellationToken, kind);

    private void Validate(ActionGroupDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Label) || draft.Label.Length > 200) throw new OverkizException(OverkizError.MalformedActionGroup());
        ExecutionRequestValidator.Validate(new ExecutionRequest(draft.Label, draft.Actions, "", ""), registry);
    }

    private static ActionGroup Build(ActionGroupDraft draft, string oid, long created, long updated) => new()
    {
        Oid = oid,
        CreationTime = created,
        LastUpdateTime = updated,
        Label = draft.Label,
        Actions = draft.Actions,
        Metadata = draft.Metadata,
        Shortcut = draft.Shortcut,
        NotificationTypeMask = draft.NotificationTypeMask,
        NotificationCondition = draft.NotificationCondition ?? "NEVER",
        NotificationText = draft.NotificationText,
        NotificationTitle = draft.NotificationTitle,
    };

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
