using Gateway.Core.Automation;

namespace Gateway.Engine.Automation;

/// <summary>
/// One condition the engine watches, with its own activation state. An if-then trigger is one runtime whose
/// <see cref="Id"/> is the trigger's OID; a discrete trigger is one runtime per value, with the id
/// <c>{oid}#{index}</c>. Touched only under the engine's gate.
/// </summary>
internal sealed class TriggerRuntime(IfThenSetupTrigger definition, string parentOid, CompiledCondition condition, ConditionDependencies dependencies,
    IReadOnlyList<DayWindow> windows, TimeSpan delay, TimeSpan releaseDelay)
{
    /// <summary>An if-then definition: the trigger itself, or the synthetic one standing for a discrete value.</summary>
    public IfThenSetupTrigger Definition { get; set; } = definition;
    public string Id => Definition.Oid!;

    /// <summary>The OID of the trigger the API shows (an if-then trigger's own OID, or the discrete trigger's).</summary>
    public string ParentOid { get; } = parentOid;

    /// <summary>The discrete value this runtime stands for; null for an if-then trigger.</summary>
    public string? Key { get; init; }

    /// <summary>A discrete trigger whose every report of the value fires, a repeat of the same value included.</summary>
    public bool ExecuteAlways { get; init; }

    /// <summary>The state whose reports re-fire an <see cref="ExecuteAlways"/> runtime.</summary>
    public (string DeviceUrl, string StateName)? Watched { get; init; }

    public CompiledCondition Condition { get; } = condition;
    public ConditionDependencies Dependencies { get; } = dependencies;
    public IReadOnlyList<DayWindow> Windows { get; } = windows;
    public TimeSpan Delay { get; } = delay;

    /// <summary>How long the condition must stay false before a fired trigger may fire again.</summary>
    public TimeSpan ReleaseDelay { get; } = releaseDelay;

    /// <summary>The condition's value at the last evaluation.</summary>
    public Truth LastCondition { get; set; } = Truth.Unknown;

    /// <summary>Enabled (mode) and inside one of its scheduling intervals, at the last look.</summary>
    public bool InWindow { get; set; }

    /// <summary>Fired (or found true when created) and waiting for the condition to become false.</summary>
    public bool Latched { get; set; }

    /// <summary>UTC ms at which a pending activation fires; null when none is under way.</summary>
    public long? Deadline { get; set; }

    /// <summary>UTC ms at which a latched runtime whose condition turned false is released; null when not releasing.</summary>
    public long? ReleaseAt { get; set; }

    public ITimer? Timer { get; set; }

    public bool Effective => LastCondition == Truth.True && InWindow && !Latched;

    public bool IsInWindow(DateTime local)
    {
        if (Definition.Mode == TriggerModes.Off) return false;
        if (Windows.Count == 0) return true;
        foreach (var window in Windows)
            if (window.Contains(local)) return true;
        return false;
    }
}
