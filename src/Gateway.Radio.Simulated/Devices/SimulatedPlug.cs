using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>A smart plug that meters what it feeds: power in W while on, energy in Wh accumulated.</summary>
public sealed class SimulatedPlug(string address, string label, double loadWatts) : SimulatedDevice(address, "zigbee:OnOffMeteringPlugComponent", label)
{
    private readonly Lock _gate = new();
    private bool _on;
    private double _energyWh;
    private DateTimeOffset? _lastTick;

    protected override IEnumerable<DeviceState> OwnStates()
    {
        lock (_gate)
            return
            [
                DeviceState.Of("core:OnOffState", _on ? "on" : "off"),
                DeviceState.Of("core:ElectricPowerConsumptionState", _on ? loadWatts : 0.0),
                DeviceState.Of("core:ElectricEnergyConsumptionState", _energyWh),
            ];
    }

    /// <summary>Takes over its on/off and its energy counter, which then keeps counting from there.</summary>
    public override void Observe(IReadOnlyList<DeviceState> states)
    {
        lock (_gate)
        {
            switch (StringState(states, "core:OnOffState"))
            {
                case "on": _on = true; break;
                case "off": _on = false; break;
            }
            if (FloatState(states, "core:ElectricEnergyConsumptionState") is { } energy && energy >= 0) _energyWh = energy;
        }
    }

    public override Task ExecuteAsync(RadioCommand command, SimulationContext context, CancellationToken cancellationToken)
    {
        switch (command.Name)
        {
            case "on": Switch(true, context); break;
            case "off": Switch(false, context); break;
            case "toggle": Switch(!_on, context); break;
            case "refreshState": Tick(context); break;
            case "identify": break;
            default: throw Unknown(command);
        }
        return Task.CompletedTask;
    }

    public override void Tick(SimulationContext context)
    {
        double power, energy;
        lock (_gate)
        {
            var now = context.Time.GetUtcNow();
            power = _on ? loadWatts * (0.95 + 0.1 * context.NextDouble()) : 0;
            if (_lastTick is { } last) _energyWh += power * (now - last).TotalHours;
            _lastTick = now;
            energy = _energyWh;
        }
        context.Report(Address,
            DeviceState.Of("core:ElectricPowerConsumptionState", power),
            DeviceState.Of("core:ElectricEnergyConsumptionState", energy));
    }

    private void Switch(bool on, SimulationContext context)
    {
        Tick(context);
        lock (_gate) _on = on;
        context.Report(Address, DeviceState.Of("core:OnOffState", on ? "on" : "off"));
        Tick(context);
    }
}
