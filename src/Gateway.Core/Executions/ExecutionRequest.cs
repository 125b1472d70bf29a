namespace Gateway.Core.Executions;

/// <summary>A validated request to run commands now: who asked, what label, which commands on which devices.</summary>
public sealed record ExecutionRequest(string Label, IReadOnlyList<ActionRecord> Actions, string Owner, string Source)
{
    /// <summary>What started it; a client's request unless an automation says otherwise.</summary>
    public ExecutionKind Kind { get; init; } = ExecutionKind.Manual;
}
