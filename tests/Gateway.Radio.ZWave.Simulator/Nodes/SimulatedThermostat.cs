using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>
/// A thermostat: heating setpoint, mode, air temperature. The mains-powered one is listening and takes commands in
/// Supervision; the battery one (a radiator valve) sleeps and hears commands only when it wakes up. Both send the new
/// setpoint and mode to their lifeline once set.
/// </summary>
public sealed class SimulatedThermostat(byte nodeId, bool sleeping = false) : SimulatedZWaveNode(nodeId, !sleeping, 0x08, 0x06, sleeping
    ? [CommandClassId.ThermostatSetpoint, CommandClassId.ThermostatMode, CommandClassId.SensorMultilevel, CommandClassId.WakeUp, CommandClassId.Battery,
        CommandClassId.Association, CommandClassId.Configuration, CommandClassId.ManufacturerSpecific, CommandClassId.Version]
    : [CommandClassId.ThermostatSetpoint, CommandClassId.ThermostatMode, CommandClassId.SensorMultilevel, CommandClassId.Supervision,
        CommandClassId.Association, CommandClassId.Configuration, CommandClassId.ManufacturerSpecific, CommandClassId.Version])
{
    public double Setpoint { get; private set; } = 20;
    public byte Mode { get; private set; } = ThermostatModeCommandClass.Heat;
    public double Temperature { get; private set; } = 19.5;

    protected override IReadOnlyList<byte[]> Handle(byte[] payload)
    {
        switch (payload[0], payload[1])
        {
            case (CommandClassId.ThermostatSetpoint, ThermostatSetpointCommandClass.SetCommand) when payload.Length >= 4:
                if (CommandClassDecoder.Decode([CommandClassId.ThermostatSetpoint, ThermostatSetpointCommandClass.ReportCommand, .. payload[2..]]) is ThermostatSetpointReport set)
                    Setpoint = set.Value;
                return ToLifeline(SetpointReport());
            case (CommandClassId.ThermostatSetpoint, ThermostatSetpointCommandClass.GetCommand):
                return [SetpointReport()];
            case (CommandClassId.ThermostatMode, ThermostatModeCommandClass.SetCommand) when payload.Length >= 3:
                Mode = (byte)(payload[2] & 0x1F);
                return ToLifeline(ThermostatModeCommandClass.Report(Mode));
            case (CommandClassId.ThermostatMode, ThermostatModeCommandClass.GetCommand):
                return [ThermostatModeCommandClass.Report(Mode)];
            case (CommandClassId.SensorMultilevel, SensorMultilevelCommandClass.GetCommand):
                return [TemperatureReport()];
            default:
                return [];
        }
    }

    private byte[] SetpointReport() => ThermostatSetpointCommandClass.Report(ThermostatSetpointCommandClass.Heating, Setpoint);

    private byte[] TemperatureReport() => SensorMultilevelCommandClass.Report(SensorMultilevelCommandClass.AirTemperature, Temperature, 0, 1);

    private IReadOnlyList<byte[]> ToLifeline(byte[] report) => LifelineNodeId != 0 ? [report] : [];

    public void SetTemperature(double celsius)
    {
        Temperature = celsius;
        Report(TemperatureReport());
    }
}
