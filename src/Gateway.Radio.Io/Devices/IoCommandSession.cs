using Gateway.Core.Radio;
using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Devices;

/// <summary>
/// One GW_COMMAND_SEND session in flight: run status notifications move it to in-progress and record a failure;
/// GW_SESSION_FINISHED_NTF ends it.
/// </summary>
public sealed class IoCommandSession(ushort sessionId, IRadioCommandProgress progress, TimeProvider? time = null)
{
    /// <summary>Time a node may take beyond what it announced, for its last position and the session's end to arrive.</summary>
    public static readonly TimeSpan FinishMargin = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _remainingReportedAt;

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _inProgress;
    private bool _transmitted;
    private CommandRunStatus? _failure;

    public ushort SessionId => sessionId;

    public Task Finished => _finished.Task;

    /// <summary>Seconds the interface last said the node still needs.</summary>
    public int? RemainingSeconds { get; private set; }

    public void OnRunStatus(CommandRunStatus status)
    {
        if (status.RunStatus == CommandRunStatus.ExecutionFailed) _failure = status;
        else MarkInProgress();
    }

    public void OnRemainingTime(CommandRemainingTime remaining)
    {
        RemainingSeconds = remaining.Seconds;
        Interlocked.Exchange(ref _remainingReportedAt, _time.GetTimestamp());
        MarkInProgress();
        // A long travel (a big awning, a slow motor) must not be failed by the engine's command timeout.
        progress.ExpectCompletionWithin(TimeSpan.FromSeconds(remaining.Seconds) + FinishMargin);
    }

    /// <summary>
    /// How long the session may still take: the larger of what is left of <paramref name="timeout"/> since
    /// <paramref name="started"/> and of the node's announced remaining time.
    /// </summary>
    public TimeSpan TimeLeft(TimeSpan timeout, long started)
    {
        var left = timeout - _time.GetElapsedTime(started);
        var reportedAt = Interlocked.Read(ref _remainingReportedAt);
        if (RemainingSeconds is { } seconds && reportedAt != 0)
        {
            var announced = TimeSpan.FromSeconds(seconds) + FinishMargin - _time.GetElapsedTime(reportedAt);
            if (announced > left) left = announced;
        }
        return left;
    }

    public void OnFinished()
    {
        if (_failure is { } failure)
            _finished.TrySetException(new RadioCommandException(IoFailures.ForStatusReply(failure.StatusReply),
                $"the io node {failure.NodeIndex} reported: {IoFailures.Describe(failure.StatusReply)}"));
        else _finished.TrySetResult();
    }

    public void Abort(Exception error) => _finished.TrySetException(error);

    /// <summary>The interface accepted the session; a run status that came before it is passed on now, in order.</summary>
    public void MarkTransmitted()
    {
        bool inProgress;
        lock (_gate)
        {
            _transmitted = true;
            progress.Transmitted();
            inProgress = _inProgress == 1;
        }
        if (inProgress) progress.InProgress();
    }

    private void MarkInProgress()
    {
        lock (_gate)
        {
            if (Interlocked.Exchange(ref _inProgress, 1) == 1 || !_transmitted) return;
        }
        progress.InProgress();
    }
}
