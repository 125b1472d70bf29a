namespace Gateway.Engine.Automation;

/// <summary>Collects, during one evaluation, the devices and kinds that explain its result.</summary>
internal sealed class EvaluationReport
{
    public SortedSet<string> FailedDevices { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> InvalidatingDevices { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> IgnoredControllables { get; } = new(StringComparer.Ordinal);
}
