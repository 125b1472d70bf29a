using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>
/// A roller shutter (or, with slats, a venetian blind). Closure 0 is fully open, 100 fully closed; a move takes
/// time proportional to the distance and reports the closure on the way.
/// </summary>
public class SimulatedCover(string address, string controllableName, string label, int closure) : SimulatedDevice(address, controllableName, label)
{
    private const string PositionState = "core:ClosureState";

    private readonly Travel _travel = new(PositionState, closure);
    private int _memorized = 50;

    public int Closure => _travel.Position;

    protected override IEnumerable<DeviceState> OwnStates() =>
    [
        DeviceState.Of(PositionState, Closure),
        DeviceState.Of("core:TargetClosureState", Closure),
        DeviceState.Of("core:OpenClosedState", OpenClosed(Closure)),
        DeviceState.Of("core:MovingState", false),
        DeviceState.Of("core:Memorized1PositionState", _memorized),
    ];

    public override Task ExecuteAsync(RadioCommand command, SimulationContext context, CancellationToken cancellationToken) => command.Name switch
    {
        "close" or "down" => MoveAsync(100, context, cancellationToken),
        "open" or "up" => MoveAsync(0, context, cancellationToken),
        "setClosure" or "setPosition" => MoveAsync(IntParameter(command, 0), context, cancellationToken),
        "my" => MoveAsync(_memorized, context, cancellationToken),
        "stop" => Done(context, DeviceState.Of("core:MovingState", false), DeviceState.Of("core:TargetClosureState", Closure)),
        "setMemorized1Position" => Remember(IntParameter(command, 0), context),
        "refreshMemorized1Position" => Done(context, DeviceState.Of("core:Memorized1PositionState", _memorized)),
        "identify" or "wink" or "getName" => Done(context),
        "setName" => Done(context, DeviceState.Of("core:NameState", command.Parameters[0].GetString() ?? Label)),
        _ => ExecuteOther(command, context, cancellationToken),
    };

    public override void Observe(IReadOnlyList<DeviceState> states)
    {
        if (IntState(states, PositionState) is { } closure) _travel.Set(closure);
        if (IntState(states, "core:Memorized1PositionState") is { } memorized) _memorized = Math.Clamp(memorized, 0, 100);
    }

    protected virtual Task ExecuteOther(RadioCommand command, SimulationContext context, CancellationToken cancellationToken) =>
        throw Unknown(command);

    protected Task MoveAsync(int target, SimulationContext context, CancellationToken cancellationToken) =>
        _travel.MoveAsync(Address, target, context,
            final => [DeviceState.Of("core:OpenClosedState", OpenClosed(final)), DeviceState.Of("core:TargetClosureState", final)],
            cancellationToken);

    protected virtual string OpenClosed(int value) => value >= 100 ? "closed" : "open";

    private Task Remember(int position, SimulationContext context)
    {
        _memorized = position;
        return Done(context, DeviceState.Of("core:Memorized1PositionState", position));
    }
}
