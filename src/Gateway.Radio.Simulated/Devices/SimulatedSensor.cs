using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>
/// A battery sensor that reports one state on its own. <c>next</c> turns the current value into the next reading
/// (a drifting temperature, a door that opens now and then ...).
/// </summary>
public sealed class SimulatedSensor(
    string address,
    string controllableName,
    string label,
    DeviceState initial,
    Func<DeviceState, SimulationContext, DeviceState> next,
    string refreshCommand) : SimulatedDevice(address, controllableName, label)
{
    private DeviceState _current = initial;

    protected override IEnumerable<DeviceState> OwnStates() => [_current, DeviceState.Of("core:BatteryState", "full"), .. Extra()];

    public override Task ExecuteAsync(RadioCommand command, SimulationContext context, CancellationToken cancellationToken)
    {
        if (command.Name == refreshCommand) return Done(context, _current);
        if (command.Name is "checkEventTrigger" or "getName") return Done(context);
        throw Unknown(command);
    }

    public override void Tick(SimulationContext context)
    {
        _current = next(_current, context);
        context.Report(Address, _current);
    }

    public override void Observe(IReadOnlyList<DeviceState> states)
    {
        foreach (var state in states)
            if (state.Name == _current.Name && state.Type == _current.Type) _current = state;
    }

    private IEnumerable<DeviceState> Extra() =>
        ControllableName == "io:SomfySmokeIOSystemSensor" ? [DeviceState.Of("core:SensorDefectState", "noDefect")] : [];
}
