namespace Gateway.Engine.Automation;

/// <summary>The states a compiled condition reads: what the trigger index is keyed by.</summary>
internal sealed class ConditionDependencies
{
    /// <summary>A device whose availability changes reports this state; every condition on a device depends on it.</summary>
    public const string StatusState = "core:StatusState";

    public HashSet<(string DeviceUrl, string StateName)> DeviceStates { get; } = [];
    public HashSet<(string ControllableName, string StateName)> ControllableStates { get; } = [];
    public HashSet<string> ConditionGroups { get; } = new(StringComparer.Ordinal);
}
