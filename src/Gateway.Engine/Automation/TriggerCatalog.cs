using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Engine.Automation.CommandScheduling;

namespace Gateway.Engine.Automation;

/// <summary>
/// Every trigger of the gateway behind one surface, whatever engine runs it: if-then and discrete triggers follow
/// states in <see cref="TriggerEngine"/>, command-scheduling triggers follow the clock in
/// <see cref="CommandSchedulingTriggerService"/>. An OID asked for under another type is unknown.
/// </summary>
public sealed class TriggerCatalog(TriggerEngine conditions, CommandSchedulingTriggerService schedules)
{
    public IReadOnlyList<SetupTriggerEnvelope> All(string? type)
    {
        var all = new List<SetupTriggerEnvelope>();
        if (type is null or SetupTriggerTypes.IfThen) all.AddRange(conditions.All().Select(t => new SetupTriggerEnvelope { IfThen = t }));
        if (type is null or SetupTriggerTypes.Discrete) all.AddRange(conditions.AllDiscrete().Select(t => new SetupTriggerEnvelope { Discrete = t }));
        if (type is null or SetupTriggerTypes.GenericCommandScheduling)
            all.AddRange(schedules.AllGeneric().Select(t => new SetupTriggerEnvelope { GenericCommandScheduling = t }));
        if (type is null or SetupTriggerTypes.DelayedCommandsScheduling)
            all.AddRange(schedules.AllDelayed().Select(t => new SetupTriggerEnvelope { DelayedCommandsScheduling = t }));
        return all.OrderBy(e => e.CreationTime).ThenBy(e => e.Oid, StringComparer.Ordinal).ToList();
    }

    public SetupTriggerEnvelope Find(string type, string oid) => type switch
    {
        SetupTriggerTypes.IfThen when conditions.Find(oid) is { } t => new SetupTriggerEnvelope { IfThen = t },
        SetupTriggerTypes.Discrete when conditions.FindDiscrete(oid) is { } t => new SetupTriggerEnvelope { Discrete = t },
        SetupTriggerTypes.GenericCommandScheduling when schedules.FindGeneric(oid) is { } t => new SetupTriggerEnvelope { GenericCommandScheduling = t },
        SetupTriggerTypes.DelayedCommandsScheduling when schedules.FindDelayed(oid) is { } t => new SetupTriggerEnvelope { DelayedCommandsScheduling = t },
        _ => throw Unknown(),
    };

    public async Task<(string Oid, string Id)> CreateAsync(SetupTriggerEnvelope draft, bool allowExecuteOnCreate, CancellationToken cancellationToken)
    {
        if (conditions.Count + schedules.AllGeneric().Count + schedules.AllDelayed().Count >= TriggerEngine.MaxTriggers)
            throw new OverkizException(OverkizError.BadParameters($"at most {TriggerEngine.MaxTriggers} triggers"));
        (string? Oid, string? Id) created = draft switch
        {
            { IfThen: { } t } => await conditions.CreateAsync(t with { Oid = null }, allowExecuteOnCreate, cancellationToken) is var c ? (c.Oid, c.Id) : default,
            { Discrete: { } t } => await conditions.CreateAsync(t with { Oid = null }, allowExecuteOnCreate, cancellationToken) is var c ? (c.Oid, c.Id) : default,
            { GenericCommandScheduling: { } t } => await schedules.CreateAsync(t with { Oid = null }, cancellationToken) is var c ? (c.Oid, c.Id) : default,
            { DelayedCommandsScheduling: { } t } => await schedules.CreateAsync(t with { Oid = null }, cancellationToken) is var c ? (c.Oid, c.Id) : default,
            _ => throw Unknown(),
        };
        return (created.Oid!, created.Id ?? created.Oid!);
    }

    public async Task<SetupTriggerEnvelope> UpdateAsync(SetupTriggerEnvelope draft, CancellationToken cancellationToken) => draft switch
    {
        { IfThen: { } t } => new SetupTriggerEnvelope { IfThen = await conditions.UpdateAsync(t, cancellationToken) },
        { Discrete: { } t } => new SetupTriggerEnvelope { Discrete = await conditions.UpdateAsync(t, cancellationToken) },
        { GenericCommandScheduling: { } t } => new SetupTriggerEnvelope { GenericCommandScheduling = await schedules.UpdateAsync(t, cancellationToken) },
        { DelayedCommandsScheduling: { } t } => new SetupTriggerEnvelope { DelayedCommandsScheduling = await schedules.UpdateAsync(t, cancellationToken) },
        _ => throw Unknown(),
    };

    public Task TestAsync(SetupTriggerEnvelope draft, CancellationToken cancellationToken) => draft switch
    {
        { IfThen: { } t } => conditions.TestAsync(t, cancellationToken),
        { Discrete: { } t } => conditions.TestAsync(t, cancellationToken),
        { GenericCommandScheduling: { } t } => schedules.TestAsync(t, cancellationToken),
        { DelayedCommandsScheduling: { } t } => schedules.TestAsync(t, cancellationToken),
        _ => throw Unknown(),
    };

    public Task DeleteAsync(string type, string oid, CancellationToken cancellationToken)
    {
        Find(type, oid);
        return RunsOnStates(type) ? conditions.DeleteAsync(oid, cancellationToken) : schedules.DeleteAsync(oid, cancellationToken);
    }

    public Task SetModeAsync(string type, string oid, int mode, bool allowExecuteOnUpdate, CancellationToken cancellationToken)
    {
        Find(type, oid);
        return RunsOnStates(type)
            ? conditions.SetModeAsync(oid, mode, allowExecuteOnUpdate, cancellationToken)
            : schedules.SetModeAsync(oid, mode, cancellationToken);
    }

    public Task<SetupTriggerStatus> StatusAsync(string type, string oid, CancellationToken cancellationToken)
    {
        Find(type, oid);
        return RunsOnStates(type) ? conditions.StatusAsync(oid, cancellationToken) : schedules.StatusAsync(oid, cancellationToken);
    }

    public async Task<IReadOnlyList<SetupTriggerStatus>> StatusesAsync(string type, CancellationToken cancellationToken) => type switch
    {
        SetupTriggerTypes.IfThen or SetupTriggerTypes.Discrete => await conditions.StatusesAsync(cancellationToken, type),
        SetupTriggerTypes.GenericCommandScheduling or SetupTriggerTypes.DelayedCommandsScheduling => await schedules.StatusesAsync(type, cancellationToken),
        _ => [],
    };

    private static bool RunsOnStates(string type) => type is SetupTriggerTypes.IfThen or SetupTriggerTypes.Discrete;

    private static OverkizException Unknown() => new(OverkizError.UnknownObject());
}
