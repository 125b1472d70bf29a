using Gateway.Core.Events;
using Gateway.Core.Executions;

namespace Gateway.Engine.Executions;

/// <summary>One execution in flight: its state machine, its cancellation and the failures collected so far.</summary>
internal sealed class RunningExecution(string id, ExecutionRequest request, long startTime) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FailedCommand> _failures = [];

    public string Id { get; } = id;
    public ExecutionRequest Request { get; } = request;
    public long StartTime { get; } = startTime;
    public ExecutionState State { get; private set; } = ExecutionState.Initialized;
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completes when the execution has finished and been recorded (or given up).</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Held while a state change is decided and published, so listeners see transitions in order.</summary>
    public Lock PublishGate { get; } = new();

    /// <summary>Moves the state forward (never back); returns the transition when one happened.</summary>
    public (ExecutionState Old, ExecutionState New)? Advance(ExecutionState next)
    {
        lock (_gate)
        {
            if (next <= State || State is ExecutionState.Completed or ExecutionState.Failed) return null;
            var old = State;
            State = next;
            return (old, next);
        }
    }

    public void AddFailure(FailedCommand failure)
    {
        lock (_gate) _failures.Add(failure);
    }

    public IReadOnlyList<FailedCommand> Failures()
    {
        lock (_gate) return _failures.ToList();
    }

    public CurrentExecution ToCurrent() => new(
        StartTime,
        Request.Owner,
        new ActionGroupView(Request.Label, Request.Actions),
        $"Execution : {Request.Label}",
        Id,
        State) { Kind = Request.Kind };

    public ExecutionStateChangedEvent StateChanged(long now, string setupOid, ExecutionState old, ExecutionState next)
    {
        var failures = next == ExecutionState.Failed ? Failures() : null;
        var failureType = failures is null ? null : FailureType.FromName(failures.FirstOrDefault()?.FailureType);
        return new ExecutionStateChangedEvent(
            now, setupOid, Id, Request.Owner, old, next,
            TimeToNextState: next is ExecutionState.Completed or ExecutionState.Failed ? -1 : 0,
            FailureType: next == ExecutionState.Completed ? FailureType.NoFailure.Name : failureType?.Name,
            FailureTypeCode: next == ExecutionState.Completed ? FailureType.NoFailure.Code : failureType?.Code,
            FailedCommands: failures);
    }

    public void Dispose() => Cancellation.Dispose();
}
