using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>A device of the simulated home: what it is, what it reports, how it reacts to commands.</summary>
public abstract class SimulatedDevice(string address, string controllableName, string label)
{
    public string Address { get; } = address;
    public string ControllableName { get; } = controllableName;
    public string Label { get; } = label;

    public IReadOnlyList<DeviceState> InitialStates() =>
    [
        DeviceState.Of("core:StatusState", "available"),
        DeviceState.Of("core:NameState", Label),
        DeviceState.Of("core:RSSILevelState", 80),
        DeviceState.Of("core:DiscreteRSSILevelState", "good"),
        .. OwnStates(),
    ];

    public virtual IReadOnlyList<DeviceState> Attributes() =>
        [DeviceState.Of("core:Manufacturer", "gatewayd simulator"), DeviceState.Of("core:FirmwareRevision", "1.0.0")];

    protected abstract IEnumerable<DeviceState> OwnStates();

    /// <summary>Acts on a command already acknowledged by the device; completes when the device is done.</summary>
    public abstract Task ExecuteAsync(RadioCommand command, SimulationContext context, CancellationToken cancellationToken);

    /// <summary>Called now and then so sensors can report on their own.</summary>
    public virtual void Tick(SimulationContext context)
    {
    }

    /// <summary>States reported on the device's behalf (the simulation API); a device that keeps them in its model takes them over.</summary>
    public virtual void Observe(IReadOnlyList<DeviceState> states)
    {
    }

    /// <summary>The value of an int state among <paramref name="states"/>, if there is one.</summary>
    protected static int? IntState(IReadOnlyList<DeviceState> states, string name) =>
        states.FirstOrDefault(s => s.Name == name && s.Type == StateType.Int) is { } s && s.Value.TryGetInt32(out var value) ? value : null;

    protected static double? FloatState(IReadOnlyList<DeviceState> states, string name) =>
        states.FirstOrDefault(s => s.Name == name && s.Type == StateType.Float) is { } s && s.Value.TryGetDouble(out var value) ? value : null;

    protected static string? StringState(IReadOnlyList<DeviceState> states, string name) =>
        states.FirstOrDefault(s => s.Name == name && s.Type == StateType.String) is { } s ? s.Value.GetString() : null;

    protected Task Done(SimulationContext context, params DeviceState[] states)
    {
        if (states.Length > 0) context.Report(Address, states);
        return Task.CompletedTask;
    }

    protected static int IntParameter(RadioCommand command, int index) => command.Parameters[index].GetInt32();

    protected Exception Unknown(RadioCommand command) =>
        new RadioCommandException(FailureType.CommandUnknown, $"{ControllableName} does not implement {command.Name}");
}
