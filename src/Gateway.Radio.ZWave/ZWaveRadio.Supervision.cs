using System.Collections.Concurrent;
using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Encapsulation;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// Supervision both ways: commands to a node that supports it travel in a Supervision Get and are done on its
/// Supervision Report (success; fail and no support fail the execution); a node that sends its own reports
/// supervised is answered with a Supervision Report.
/// </summary>
public sealed partial class ZWaveRadio
{
    private int _supervisionSession;

    private async Task SendSupervisedAsync(byte nodeId, byte endpoint, byte[] payload, string commandName, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        var session = (byte)(Interlocked.Increment(ref _supervisionSession) % SupervisionCommandClass.SessionIdMask + 1);
        var deadline = _time.GetUtcNow() + TimeSpan.FromSeconds(_options.CommandConfirmTimeoutSeconds);
        var id = Interlocked.Increment(ref _nextWaiter);
        var waiter = NewSupervisionWaiter(nodeId, endpoint, session);
        _reportWaiters[id] = waiter;
        try
        {
            await SendAsync(nodeId, endpoint, SupervisionCommandClass.Get(session, payload, statusUpdates: true), cancellationToken);
            progress.Transmitted();
            while (true)
            {
                var remaining = deadline - _time.GetUtcNow();
                if (remaining <= TimeSpan.Zero) throw new TimeoutException();
                var report = (SupervisionReport)await waiter.Done.Task.WaitAsync(TimeSpan.FromSeconds(Math.Min(_options.ReportTimeoutSeconds, remaining.TotalSeconds)), _time, cancellationToken);
                switch (report.Status)
                {
                    case SupervisionCommandClass.Success:
                        return;
                    case SupervisionCommandClass.Working:
                        // The device works on it (a valve that moves): wait for the final report of the same session.
                        progress.InProgress();
                        _reportWaiters.TryRemove(id, out _);
                        id = Interlocked.Increment(ref _nextWaiter);
                        waiter = NewSupervisionWaiter(nodeId, endpoint, session);
                        _reportWaiters[id] = waiter;
                        deadline = _time.GetUtcNow() + TimeSpan.FromSeconds(_options.CommandConfirmTimeoutSeconds);
                        continue;
                    case SupervisionCommandClass.NoSupport:
                        throw new RadioCommandException(FailureType.CommandUnknown, $"Z-Wave node {nodeId} does not support {commandName}");
                    default:
                        throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"Z-Wave node {nodeId} reported that {commandName} failed");
                }
            }
        }
        finally
        {
            _reportWaiters.TryRemove(id, out _);
        }
    }

    private static ReportWaiter NewSupervisionWaiter(byte nodeId, byte endpoint, byte session) =>
        new(nodeId, endpoint, r => r is SupervisionReport s && s.SessionId == session, new TaskCompletionSource<CommandClassReport>(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Tells a node its supervised report arrived (on a task of its own: this runs on the controller's reading loop).</summary>
    private void AnswerSupervision(EncapsulatedCommand received, byte sessionId)
    {
        if (_sessionStop is not { } stop) return;
        var token = stop.Token;
        _ = Task.Run(() => SendAsync(received.NodeId, received.Endpoint, SupervisionCommandClass.Report(sessionId, SupervisionCommandClass.Success), token), token)
            .ContinueWith(t => _logger.LogInformation("Z-Wave node {NodeId} was not told its report arrived: {Reason}", received.NodeId, t.Exception?.InnerException?.Message),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The last scene notification sequence number of each node: a node repeats a notification it thinks was lost.</summary>
    private readonly ConcurrentDictionary<byte, byte> _sceneSequences = new();

    private bool IsRepeatedScene(byte nodeId, CentralSceneNotification scene)
    {
        var repeated = _sceneSequences.TryGetValue(nodeId, out var last) && last == scene.Sequence;
        _sceneSequences[nodeId] = scene.Sequence;
        return repeated;
    }
}
