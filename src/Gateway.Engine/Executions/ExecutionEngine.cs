using System.Collections.Concurrent;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Engine.Devices;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Executions;

/// <summary>
/// The only way a command reaches a radio. Validates, records, runs each device's commands in order (devices in
/// parallel), walks the execution through its states and keeps the finished ones in history.
/// </summary>
public sealed class ExecutionEngine(
    DeviceRegistry registry,
    RadioDirectory radios,
    IEventBus bus,
    IExecutionStore store,
    SetupIdentity identity,
    EngineOptions options,
    TimeProvider time,
    ILogger<ExecutionEngine> logger)
{
    private readonly ConcurrentDictionary<string, RunningExecution> _running = new(StringComparer.Ordinal);
    private readonly DeviceLanes _lanes = new();
    private readonly Lock _admission = new();
    private readonly CancellationTokenSource _stop = new();
    private int _admitted;
    private volatile bool _stopping;

    public async Task<string> ApplyAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        ExecutionRequestValidator.Validate(request, registry);
        lock (_admission)
        {
            if (_stopping) throw new OverkizException(OverkizError.ShuttingDown());
            if (_admitted >= options.MaxConcurrentExecutions)
                throw new OverkizException(OverkizError.TooManyExecutions(options.MaxConcurrentExecutions));
            _admitted++;
        }

        var execution = new RunningExecution(Guid.NewGuid().ToString(), request, Now());
        // The durable write (a commit, then an fsync) runs while the commands go out: the caller is answered only once
        // it is on disk, so nothing acknowledged can be lost, but the radios do not wait for the disk. Started on a
        // thread-pool thread, because SQLite's "async" calls run the commit synchronously.
        var recording = Task.Run(() => store.RecordStartedAsync(execution.Id, request, execution.StartTime, cancellationToken), CancellationToken.None);
        lock (_admission)
        {
            _running[execution.Id] = execution;
            // Accepted while shutdown began: it runs only to be failed and recorded like the others.
            if (_stopping) execution.Cancellation.Cancel();
        }
        bus.Publish(new ExecutionRegisteredEvent(execution.StartTime, identity.SetupOid, execution.Id, request.Label, request.Actions));
        Advance(execution, ExecutionState.NotTransmitted);
        // Take each device's lane now, so devices obey requests in the order they were accepted.
        var tickets = request.Actions.Select(a => _lanes.Enter(a.DeviceUrl, execution.Cancellation.Token)).ToList();
        _ = Task.Run(() => RunAsync(execution, tickets, recording), CancellationToken.None);
        try
        {
            await recording;
        }
        catch
        {
            // Not on disk, so not accepted: stop what already started; RunAsync ends it as FAILED without history.
            SafeCancel(execution);
            throw;
        }
        logger.LogInformation("Execution {ExecId} {Label} accepted from {Source}: {Actions} device(s)", execution.Id, request.Label, request.Source, request.Actions.Count);
        return execution.Id;
    }

    public IReadOnlyList<CurrentExecution> Current() =>
        _running.Values.OrderBy(e => e.StartTime).Select(e => e.ToCurrent()).ToList();

    public CurrentExecution? FindCurrent(string id) => _running.TryGetValue(id, out var e) ? e.ToCurrent() : null;

    public bool Cancel(string id)
    {
        if (!_running.TryGetValue(id, out var execution)) return false;
        SafeCancel(execution);
        return true;
    }

    public int CancelAll()
    {
        var executions = _running.Values.ToList();
        executions.ForEach(SafeCancel);
        return executions.Count;
    }

    /// <summary>Fails every running execution cleanly and waits (bounded) until each is recorded.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<RunningExecution> executions;
        lock (_admission)
        {
            _stopping = true;
            executions = _running.Values.ToList();
        }
        await _stop.CancelAsync();
        executions.ForEach(SafeCancel);
        var all = Task.WhenAll(executions.Select(e => e.Done.Task));
        await all.WaitAsync(options.ShutdownGrace, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (executions.Count > 0) logger.LogInformation("Stopped {Count} running execution(s) for shutdown", executions.Count);
    }

    private async Task RunAsync(RunningExecution execution, IReadOnlyList<DeviceLanes.Ticket> tickets, Task recording)
    {
        try
        {
            await Task.WhenAll(execution.Request.Actions.Select((a, i) => RunActionAsync(execution, a, tickets[i])));
            await recording.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (recording.IsCompletedSuccessfully) await FinishAsync(execution);
            else Advance(execution, ExecutionState.Failed);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Execution {ExecId} crashed", execution.Id);
        }
        finally
        {
            Retire(execution);
            execution.Done.TrySetResult();
            execution.Dispose();
        }
    }

    private async Task RunActionAsync(RunningExecution execution, ActionRecord action, DeviceLanes.Ticket ticket)
    {
        using var lane = ticket;
        var url = DeviceUrl.Parse(action.DeviceUrl);
        var radio = radios.Find(url.Protocol);
        var rank = 0;
        try
        {
            if (radio is null) throw new RadioCommandException(FailureType.ActuatorUnknown, $"no radio for {url.Protocol}");
            await lane.WaitForTurnAsync();
            for (rank = 0; rank < action.Commands.Count; rank++)
            {
                await RunCommandAsync(execution, radio, url, action.Commands[rank], rank, lane.Token);
            }
        }
        catch (Exception ex)
        {
            var failure = Classify(ex);
            if (failure == FailureType.ErrorWhileExecuting) logger.LogWarning(ex, "Command {Rank} on {DeviceUrl} failed", rank, action.DeviceUrl);
            execution.AddFailure(new FailedCommand(action.DeviceUrl, rank, failure.Name));
            bus.Publish(new CommandExecutionStateChangedEvent(Now(), identity.SetupOid, action.DeviceUrl, execution.Id, rank, ExecutionState.Failed, failure.Name));
        }
    }

    private async Task RunCommandAsync(RunningExecution execution, IRadio radio, DeviceUrl url, CommandRecord command, int rank, CancellationToken laneToken)
    {
        if (command.Delay is > 0) await Task.Delay(TimeSpan.FromMilliseconds(command.Delay.Value), time, laneToken);

        using var timeout = new CancellationTokenSource(options.CommandTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(laneToken, timeout.Token);
        var progress = new CommandProgress(this, execution, url.ToString(), rank, timeout);
        var address = url.SubsystemId is { } sub ? $"{url.Address}#{sub}" : url.Address;
        try
        {
            await radio.ExecuteAsync(new RadioCommand(address, command.Name, command.Parameters ?? []), progress, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !laneToken.IsCancellationRequested)
        {
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"{command.Name} timed out");
        }
        progress.Completed();
    }

    private async Task FinishAsync(RunningExecution execution)
    {
        var failures = execution.Failures();
        var final = failures.Count == 0 ? ExecutionState.Completed : ExecutionState.Failed;
        var history = new HistoryExecution
        {
            Id = execution.Id,
            EventTime = execution.StartTime,
            Owner = execution.Request.Owner,
            Source = execution.Request.Source,
            Label = execution.Request.Label,
            EffectiveStartTime = execution.StartTime,
            EndTime = Now(),
            State = final,
            FailureType = failures.Count == 0 ? FailureType.NoFailure.Name : failures[0].FailureType,
            FailedCommands = failures,
            Actions = execution.Request.Actions,
            Kind = execution.Request.Kind,
        };
        // Durable first: a client told COMPLETED must find it in history even after a power cut.
        if (!await RecordFinishedAsync(history)) return;
        Retire(execution);
        Advance(execution, final);
        logger.LogInformation("Execution {ExecId} {State} after {Duration} ms", execution.Id, final, history.Duration);
    }

    /// <summary>
    /// Writes the end of an execution, waiting out a storage failure (disk full): meanwhile the execution stays
    /// admitted and in exec/current, so what waits in memory is bounded by <see cref="EngineOptions.MaxConcurrentExecutions"/>.
    /// At shutdown it tries once more and gives up; the next start records it as interrupted.
    /// </summary>
    private async Task<bool> RecordFinishedAsync(HistoryExecution history)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.RecordFinishedAsync(history, CancellationToken.None);
                if (attempt > 1) logger.LogInformation("Execution {ExecId} reached history after {Attempts} attempts", history.Id, attempt);
                return true;
            }
            catch (StorageUnavailableException ex) when (!_stopping)
            {
                if (attempt == 1)
                    logger.LogWarning("Execution {ExecId} finished but could not be recorded ({Cause}); it stays in exec/current and is retried every {Delay}",
                        history.Id, ex.Message, options.StorageRetryDelay);
                await Task.Delay(options.StorageRetryDelay, time, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (StorageUnavailableException ex)
            {
                logger.LogError("Execution {ExecId} could not be recorded at shutdown ({Cause}); the next start records it as interrupted", history.Id, ex.Message);
                return false;
            }
        }
    }

    private void Advance(RunningExecution execution, ExecutionState next)
    {
        lock (execution.PublishGate)
        {
            if (execution.Advance(next) is { } step)
                bus.Publish(execution.StateChanged(Now(), identity.SetupOid, step.Old, step.New));
        }
    }

    private void OnCommandProgress(RunningExecution execution, string deviceUrl, int rank, ExecutionState state)
    {
        bus.Publish(new CommandExecutionStateChangedEvent(Now(), identity.SetupOid, deviceUrl, execution.Id, rank, state, null));
        if (state != ExecutionState.Completed) Advance(execution, state);
    }

    private static FailureType Classify(Exception ex) => ex switch
    {
        RadioCommandException radio => radio.FailureType,
        OperationCanceledException => FailureType.CommandCancelled,
        _ => FailureType.ErrorWhileExecuting,
    };

    private void SafeCancel(RunningExecution execution)
    {
        try
        {
            execution.Cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Retire(RunningExecution execution)
    {
        lock (_admission)
        {
            if (!_running.TryRemove(execution.Id, out _)) return;
            _admitted--;
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private TimeSpan CommandTimeout => options.CommandTimeout;

    private sealed class CommandProgress(ExecutionEngine engine, RunningExecution execution, string deviceUrl, int rank, CancellationTokenSource timeout)
        : IRadioCommandProgress
    {
        private int _stage;

        public void ExpectCompletionWithin(TimeSpan duration)
        {
            var deadline = duration > engine.CommandTimeout ? duration : engine.CommandTimeout;
            try
            {
                if (!timeout.IsCancellationRequested) timeout.CancelAfter(deadline);
            }
            catch (ObjectDisposedException)
            {
                // The command already ended; a late call from the driver changes nothing.
            }
        }

        public void Transmitted() => Move(1, ExecutionState.Transmitted);

        public void InProgress()
        {
            Move(1, ExecutionState.Transmitted);
            Move(2, ExecutionState.InProgress);
        }

        public void Completed()
        {
            InProgress();
            Move(3, ExecutionState.Completed);
        }

        private void Move(int stage, ExecutionState state)
        {
            if (Interlocked.CompareExchange(ref _stage, stage, stage - 1) != stage - 1) return;
            engine.OnCommandProgress(execution, deviceUrl, rank, state);
        }
    }
}
