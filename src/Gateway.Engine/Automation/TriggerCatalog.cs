using Gateway.Core.Automation;
using Gateway.Core.Errors;

namespace Gateway.Engine.Automation;

/// <summary>
/// Every trigger of the gateway behind one surface, whatever engine runs it: the API speaks to this and it hands
/// each request to the engine of the trigger's type. An OID asked for under another type is unknown.
/// </summary>
public sealed class TriggerCatalog(TriggerEngine conditions)
{
    public IReadOnlyList<SetupTriggerEnvelope> All(string? type)
    {
        var all = new List<SetupTriggerEnvelope>();
        if (type is null or SetupTriggerTypes.IfThen) all.AddRange(conditions.All().Select(t => new SetupTriggerEnvelope { IfThen = t }));
        if (type is null or SetupTriggerTypes.Discrete) all.AddRange(conditions.AllDiscrete().Select(t => new SetupTriggerEnvelope { Discrete = t }));
        return all.OrderBy(e => e.CreationTime).ThenBy(e => e.Oid, StringComparer.Ordinal).ToList();
    }

    public SetupTriggerEnvelope Find(string type, string oid) => type switch
    {
        SetupTriggerTypes.IfThen when conditions.Find(oid) is { } t => new SetupTriggerEnvelope { IfThen = t },
        SetupTriggerTypes.Discrete when conditions.FindDiscrete(oid) is { } t => new SetupTriggerEnvelope { Discrete = t },
        _ => throw Unknown(),
    };

    public async Task<(string Oid, string Id)> CreateAsync(SetupTriggerEnvelope draft, bool allowExecuteOnCreate, CancellationToken cancellationToken)
    {
        if (draft.IfThen is { } ifThen)
        {
            var created = await conditions.CreateAsync(ifThen with { Oid = null }, allowExecuteOnCreate, cancellationToken);
            return (created.Oid!, created.Id ?? created.Oid!);
        }
        if (draft.Discrete is { } discrete)
        {
            var created = await conditions.CreateAsync(discrete with { Oid = null }, allowExecuteOnCreate, cancellationToken);
            return (created.Oid!, created.Id ?? created.Oid!);
        }
        throw Unknown();
    }

    public async Task<SetupTriggerEnvelope> UpdateAsync(SetupTriggerEnvelope draft, CancellationToken cancellationToken)
    {
        if (draft.IfThen is { } ifThen) return new SetupTriggerEnvelope { IfThen = await conditions.UpdateAsync(ifThen, cancellationToken) };
        if (draft.Discrete is { } discrete) return new SetupTriggerEnvelope { Discrete = await conditions.UpdateAsync(discrete, cancellationToken) };
        throw Unknown();
    }

    public async Task TestAsync(SetupTriggerEnvelope draft, CancellationToken cancellationToken)
    {
        if (draft.IfThen is { } ifThen) await conditions.TestAsync(ifThen, cancellationToken);
        else if (draft.Discrete is { } discrete) await conditions.TestAsync(discrete, cancellationToken);
    }

    public Task DeleteAsync(string type, string oid, CancellationToken cancellationToken)
    {
        Find(type, oid);
        return conditions.DeleteAsync(oid, cancellationToken);
    }

    public Task SetModeAsync(string type, string oid, int mode, bool allowExecuteOnUpdate, CancellationToken cancellationToken)
    {
        Find(type, oid);
        return conditions.SetModeAsync(oid, mode, allowExecuteOnUpdate, cancellationToken);
    }

    public Task<SetupTriggerStatus> StatusAsync(string type, string oid, CancellationToken cancellationToken)
    {
        Find(type, oid);
        return conditions.StatusAsync(oid, cancellationToken);
    }

    public async Task<IReadOnlyList<SetupTriggerStatus>> StatusesAsync(string type, CancellationToken cancellationToken) => type switch
    {
        SetupTriggerTypes.IfThen or SetupTriggerTypes.Discrete => await conditions.StatusesAsync(cancellationToken, type),
        _ => [],
    };

    private static OverkizException Unknown() => new(OverkizError.UnknownObject());
}
