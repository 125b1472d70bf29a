using System.Text.Json;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts;

public sealed partial class RtsRadio
{
    /// <summary>How long each half of an identify jog runs.</summary>
    private static readonly TimeSpan JogTime = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Time beyond a computed travel for the stop to go out (the transceiver's answer, a retry): a setClosure on a slow
    /// motor announces travel plus this to the engine, so its command timeout does not fail the move half-way.
    /// </summary>
    private static readonly TimeSpan TravelMargin = TimeSpan.FromSeconds(10);

    /// <summary>Below this a setClosure move is not worth the two transmissions.</summary>
    private static readonly TimeSpan ShortestMove = TimeSpan.FromMilliseconds(100);

    public async Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        if (!_devices.TryGetValue(command.Address, out var device) || !_estimates.TryGetValue(command.Address, out var estimate))
            throw new RadioCommandException(FailureType.ActuatorUnknown, $"no RTS device {command.Address}");
        switch (command.Name)
        {
            case "open" or "up" or "undeploy":
                await MoveAsync(device, estimate, -1, progress, cancellationToken);
                break;
            case "close" or "down" or "deploy":
                await MoveAsync(device, estimate, +1, progress, cancellationToken);
                break;
            case "stop" or "my":
                await StopOrMyAsync(device, estimate, progress, cancellationToken);
                break;
            case "setClosure":
                await SetClosureAsync(device, estimate, IntParameter(command, 0, 0, 100), progress, cancellationToken);
                break;
            case "identify" or "test":
                await JogAsync(device, estimate, progress, cancellationToken);
                break;
            case "tiltPositive" or "tiltNegative" when device.IsVenetian:
                var steps = command.Parameters.Count > 0 ? IntParameter(command, 0, 1, 10) : 1;
                for (var step = 0; step < steps; step++)
                    await TransmitAsync(Packet(device, command.Name == "tiltPositive" ? RfyCommand.Up05Seconds : RfyCommand.Down05Seconds), cancellationToken);
                Done(progress);
                break;
            case "setTravelDurations":
                SetTravelDurations(device, estimate, command, progress);
                break;
            case "setMemorized1Position":
                estimate.MyPosition = IntParameter(command, 0, 0, 100);
                Done(progress);
                _reports.Writer.TryWrite(new StatesReported(device.Address, [DeviceState.Of(RtsStateNames.Memorized1Position, estimate.MyPosition.Value)]));
                break;
            default:
                throw new RadioCommandException(FailureType.CommandUnknown, $"{command.Name} is not an RTS command for {device.ControllableName}");
        }
    }

    private async Task MoveAsync(RtsDevice device, ClosureEstimator estimate, int direction, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        await TransmitAsync(Packet(device, MoveCommand(device, direction)), cancellationToken);
        estimate.Start(direction);
        Done(progress);
        ReportClosure(device, ClosureEstimator.EndOf(direction));
    }

    /// <summary>The one RTS button for both: a moving motor stops, a still one goes to its "my" position.</summary>
    private async Task StopOrMyAsync(RtsDevice device, ClosureEstimator estimate, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        var moving = estimate.IsMoving;
        await TransmitAsync(Packet(device, RfyCommand.Stop), cancellationToken);
        var closure = moving ? estimate.Stop() : estimate.GoToMy();
        Done(progress);
        if (closure is { } c) ReportClosure(device, c);
    }

    /// <summary>Moves for the time the travel durations give between the estimate and the target, then sends stop.</summary>
    private async Task SetClosureAsync(RtsDevice device, ClosureEstimator estimate, int target, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        if (!estimate.HasDurations)
            throw new RadioCommandException(FailureType.NonExecuting, "setClosure needs the motor's travel durations: send setTravelDurations(openingSeconds, closingSeconds) first");
        if (target is 0 or 100)
        {
            await MoveAsync(device, estimate, target == 0 ? -1 : +1, progress, cancellationToken);
            return;
        }
        if (estimate.IsMoving) await StopOrMyAsync(device, estimate, NoProgress.Instance, cancellationToken);
        if (estimate.Current() is null)
        {
            // Unknown position: open fully first, then the estimate is exact again.
            progress.ExpectCompletionWithin(estimate.OpeningDuration!.Value + estimate.ClosingDuration!.Value * (target / 100.0) + TravelMargin);
            await TransmitAsync(Packet(device, MoveCommand(device, -1)), cancellationToken);
            estimate.Start(-1);
            progress.Transmitted();
            await Task.Delay(estimate.OpeningDuration!.Value, _time, cancellationToken);
            // The motor stopped itself at the end: known exactly, whatever the timer's rounding left the estimate at.
            estimate.Stop();
            estimate.Restore(0);
        }
        var span = estimate.TimeTo(target, out var direction);
        if (span is null || span < ShortestMove)
        {
            Done(progress);
            return;
        }
        progress.ExpectCompletionWithin(span.Value + TravelMargin);
        await TransmitAsync(Packet(device, MoveCommand(device, direction)), cancellationToken);
        estimate.Start(direction);
        Done(progress);
        try
        {
            await Task.Delay(span.Value, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await TransmitAsync(Packet(device, RfyCommand.Stop), CancellationToken.None);
            if (estimate.Stop() is { } stopped) ReportClosure(device, stopped);
            throw;
        }
        await TransmitAsync(Packet(device, RfyCommand.Stop), cancellationToken);
        estimate.Stop();
        estimate.Restore(target);
        ReportClosure(device, target);
    }

    /// <summary>A short move away from the nearer end and back, so the user sees which motor it is.</summary>
    private async Task JogAsync(RtsDevice device, ClosureEstimator estimate, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        var before = estimate.Current();
        var away = (before ?? 0) >= 50 ? -1 : +1;
        foreach (var direction in (int[])[away, -away])
        {
            await TransmitAsync(Packet(device, MoveCommand(device, direction)), cancellationToken);
            progress.Transmitted();
            await Task.Delay(JogTime, _time, cancellationToken);
            await TransmitAsync(Packet(device, RfyCommand.Stop), cancellationToken);
        }
        estimate.Restore(before);
        progress.InProgress();
    }

    private void SetTravelDurations(RtsDevice device, ClosureEstimator estimate, RadioCommand command, IRadioCommandProgress progress)
    {
        var opening = SecondsParameter(command, 0);
        var closing = SecondsParameter(command, 1);
        estimate.SetDurations(TimeSpan.FromSeconds(opening), TimeSpan.FromSeconds(closing));
        Done(progress);
        _reports.Writer.TryWrite(new StatesReported(device.Address,
            [DeviceState.Of(RtsStateNames.OpeningDuration, opening), DeviceState.Of(RtsStateNames.ClosingDuration, closing)]));
    }

    private void ReportClosure(RtsDevice device, int closure) =>
        _reports.Writer.TryWrite(new StatesReported(device.Address,
        [
            DeviceState.Of(CoreStateNames.Closure, closure),
            DeviceState.Of(CoreStateNames.OpenClosed, closure >= 100 ? "closed" : "open"),
            DeviceState.Of(RtsStateNames.ClosureEstimated, true),
        ]));

    /// <summary>European venetian blinds take the long presses as full moves and the short ones as slat steps.</summary>
    private static RfyCommand MoveCommand(RtsDevice device, int direction) => device.IsVenetian
        ? (direction < 0 ? RfyCommand.Up2Seconds : RfyCommand.Down2Seconds)
        : (direction < 0 ? RfyCommand.Up : RfyCommand.Down);

    private static RfyPacket Packet(RtsDevice device, RfyCommand command) => new(device.Subtype, device.Rfy, command);

    private static void Done(IRadioCommandProgress progress)
    {
        progress.Transmitted();
        progress.InProgress();
    }

    private static int IntParameter(RadioCommand command, int index, int min, int max)
    {
        if (command.Parameters.Count <= index || command.Parameters[index].ValueKind != JsonValueKind.Number
            || !command.Parameters[index].TryGetInt32(out var value) || value < min || value > max)
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"{command.Name} takes a whole number from {min} to {max}");
        return value;
    }

    private static double SecondsParameter(RadioCommand command, int index)
    {
        if (command.Parameters.Count <= index || command.Parameters[index].ValueKind != JsonValueKind.Number
            || command.Parameters[index].GetDouble() is var seconds && (seconds < 1 || seconds > 300))
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, "setTravelDurations takes the opening and closing times in seconds (1 to 300)");
        return seconds;
    }

    private sealed class NoProgress : IRadioCommandProgress
    {
        public static readonly NoProgress Instance = new();

        public void Transmitted()
        {
        }

        public void InProgress()
        {
        }
    }
}
