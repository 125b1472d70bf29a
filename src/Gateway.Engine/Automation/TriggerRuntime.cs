using Gateway.Core.Automation;

namespace Gateway.Engine.Automation;

/// <summary>One trigger as the engine runs it. Touched only under the engine's gate.</summary>
internal sealed class TriggerRuntime(IfThenSetupTrigger definition, CompiledCondition condition, ConditionDependencies dependencies, IReadOnlyList<DayWindow> windows, TimeSpan delay)
{
    public IfThenSetupTrigger Definition { get; set; } = definition;
    public string Oid => Definition.Oid!;
    public CompiledCondition Condition { get; } = condition;
    public ConditionDependencies Dependencies { get; } = dependencies;
    public IReadOnlyList<DayWindow> Windows { get; } = windows;
    public TimeSpan Delay { get; } = delay;

    /// <summary>The condition's value at the last evaluation.</summary>
    public Truth LastCondition { get; set; } = Truth.Unknown;

    /// <summary>Enabled (mode) and inside one of its scheduling intervals, at the last look.</summary>
    public bool InWindow { get; set; }

    /// <summary>Fired (or found true when created) and waiting for the condition to become false.</summary>
    public bool Latched { get; set; }

    /// <summary>UTC ms at which a pending activation fires; null when none is under way.</summary>
    public long? Deadline { get; set; }

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
