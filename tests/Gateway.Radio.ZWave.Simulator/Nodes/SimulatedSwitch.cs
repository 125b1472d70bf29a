using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A metering wall plug: Binary Switch and Meter (W and kWh), listening.</summary>
public sealed class SimulatedSwitch(byte nodeId) : SimulatedZWaveNode(nodeId, true, 0x10, 0x01,
    [CommandClassId.SwitchBinary, CommandClassId.Meter, CommandClassId.ManufacturerSpecific, CommandClassId.Version, CommandClassId.Basic])
{
    public bool IsOn { get; private set; }
    public double Watts { get; set; } = 0;
    public double KilowattHours { get; set; } = 1.5;

    protected override IReadOnlyList<byte[]> Handle(byte[] payload) => (payload[0], payload[1]) switch
    {
        (CommandClassId.SwitchBinary, SwitchBinaryCommandClass.SetCommand) when payload.Length >= 3 => Set(payload[2] != 0),
        (CommandClassId.Basic, BasicCommandClass.SetCommand) when payload.Length >= 3 => Set(payload[2] != 0),
        (CommandClassId.SwitchBinary, SwitchBinaryCommandClass.GetCommand) => [SwitchBinaryCommandClass.Report(IsOn)],
        (CommandClassId.Meter, MeterCommandClass.GetCommand) when payload.Length >= 3 && ((payload[2] >> 3) & 0x03) == MeterCommandClass.KilowattHours =>
            [MeterCommandClass.Report(MeterCommandClass.Electric, KilowattHours, MeterCommandClass.KilowattHours, 2)],
        (CommandClassId.Meter, MeterCommandClass.GetCommand) => [MeterCommandClass.Report(MeterCommandClass.Electric, Watts, MeterCommandClass.Watts, 1)],
        (CommandClassId.Meter, MeterCommandClass.SupportedGetCommand) => [MeterCommandClass.SupportedReport(true, MeterCommandClass.Electric, 0b00101)],
        (CommandClassId.Meter, MeterCommandClass.ResetCommand) => Reset(),
        _ => [],
    };

    private IReadOnlyList<byte[]> Reset()
    {
        KilowattHours = 0;
        return [];
    }

    private IReadOnlyList<byte[]> Set(bool on)
    {
        IsOn = on;
        return [];
    }
}
