using Gateway.Core.Model;
using Gateway.Core.Radio;

namespace Gateway.Radio.Simulated.Devices;

/// <summary>An on/off light, or with <c>dimmable</c> a dimmer with an intensity 0-100.</summary>
public sealed class SimulatedLight(string address, string label, bool dimmable)
    : SimulatedDevice(address, dimmable ? "io:DimmableLightIOComponent" : "io:OnOffLightIOComponent", label)
{
    private int _intensity;
    private int _lastIntensity = 100;

    protected override IEnumerable<DeviceState> OwnStates() => dimmable
        ? [OnOff(), DeviceState.Of("core:LightIntensityState", _intensity)]
        : [OnOff()];

    public override void Observe(IReadOnlyList<DeviceState> states)
    {
        if (dimmable && IntState(states, "core:LightIntensityState") is { } intensity)
        {
            _intensity = Math.Clamp(intensity, 0, 100);
            if (_intensity > 0) _lastIntensity = _intensity;
        }
        switch (StringState(states, "core:OnOffState"))
        {
            case "off": _intensity = 0; break;
            case "on" when _intensity == 0: _intensity = _lastIntensity; break;
        }
    }

    public override async Task ExecuteAsync(RadioCommand command, SimulationContext context, CancellationToken cancellationToken)
    {
        switch (command.Name)
        {
            case "on": Set(_lastIntensity, context); break;
            case "off": Set(0, context); break;
            case "setIntensity": Set(IntParameter(command, 0), context); break;
            case "onWithTimer":
                Set(_lastIntensity, context);
                await OffAfterAsync(IntParameter(command, 0), context, cancellationToken);
                break;
            case "setIntensityWithTimer":
                Set(IntParameter(command, 0), context);
                await OffAfterAsync(IntParameter(command, 1), context, cancellationToken);
                break;
            case "identify" or "getName": break;
            case "setName": context.Report(Address, DeviceState.Of("core:NameState", command.Parameters[0].GetString() ?? Label)); break;
            default: throw Unknown(command);
        }
    }

    private async Task OffAfterAsync(int seconds, SimulationContext context, CancellationToken cancellationToken)
    {
        // The execution stays in progress while the timer runs, as on a real box; another command interrupts it.
        await Task.Delay(TimeSpan.FromSeconds(seconds), context.Time, cancellationToken);
        Set(0, context);
    }

    private void Set(int intensity, SimulationContext context)
    {
        _intensity = intensity;
        if (intensity > 0) _lastIntensity = intensity;
        if (dimmable) context.Report(Address, OnOff(), DeviceState.Of("core:LightIntensityState", _intensity));
        else context.Report(Address, OnOff());
    }

    private DeviceState OnOff() => DeviceState.Of("core:OnOffState", _intensity > 0 ? "on" : "off");
}
