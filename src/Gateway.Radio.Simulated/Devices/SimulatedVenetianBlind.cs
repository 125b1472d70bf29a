using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>An exterior venetian blind: a cover whose slats also turn (0 = horizontal/open, 100 = closed).</summary>
public sealed class SimulatedVenetianBlind(string address, string label) : SimulatedCover(address, "io:ExteriorVenetianBlindIOComponent", label, 0)
{
    private int _orientation;

    protected override IEnumerable<DeviceState> OwnStates() =>
        [.. base.OwnStates(), DeviceState.Of("core:SlateOrientationState", _orientation)];

    public override void Observe(IReadOnlyList<DeviceState> states)
    {
        base.Observe(states);
        if (IntState(states, "core:SlateOrientationState") is { } orientation) _orientation = Math.Clamp(orientation, 0, 100);
    }

    protected override async Task ExecuteOther(RadioCommand command, SimulationContext context, CancellationToken cancellationToken)
    {
        switch (command.Name)
        {
            case "setOrientation":
                await TurnAsync(IntParameter(command, 0), context, cancellationToken);
                break;
            case "setClosureAndOrientation":
                await MoveAsync(IntParameter(command, 0), context, cancellationToken);
                await TurnAsync(IntParameter(command, 1), context, cancellationToken);
                break;
            default:
                throw Unknown(command);
        }
    }

    private async Task TurnAsync(int orientation, SimulationContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(600), context.Time, cancellationToken);
        _orientation = orientation;
        context.Report(Address, DeviceState.Of("core:SlateOrientationState", orientation));
    }
}
