using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A double in-wall relay: two Multi Channel endpoints, each a Binary Switch; the root's Binary Switch drives endpoint 1.</summary>
public sealed class SimulatedDoubleSwitch(byte nodeId) : SimulatedZWaveNode(nodeId, true, 0x10, 0x01,
    [CommandClassId.SwitchBinary, CommandClassId.MultiChannel, CommandClassId.Association, CommandClassId.ManufacturerSpecific, CommandClassId.Version])
{
    private readonly bool[] _on = new bool[3];

    public bool IsOn(byte endpoint) => _on[endpoint];

    protected override IReadOnlyList<byte[]> Handle(byte[] payload) => (payload[0], payload[1]) switch
    {
        (CommandClassId.MultiChannel, MultiChannelCommandClass.EndPointGetCommand) => [MultiChannelCommandClass.EndPointReport(2, identical: true)],
        (CommandClassId.MultiChannel, MultiChannelCommandClass.CapabilityGetCommand) when payload.Length >= 3 && payload[2] is 1 or 2 =>
            [MultiChannelCommandClass.CapabilityReport(payload[2], 0x10, 0x01, CommandClassId.SwitchBinary)],
        _ => HandleEndpoint(1, payload),
    };

    protected override IReadOnlyList<byte[]> HandleEndpoint(byte endpoint, byte[] payload)
    {
        if (endpoint is not (1 or 2)) return [];
        switch (payload[0], payload[1])
        {
            case (CommandClassId.SwitchBinary, SwitchBinaryCommandClass.SetCommand) when payload.Length >= 3:
                _on[endpoint] = payload[2] != 0;
                return [];
            case (CommandClassId.SwitchBinary, SwitchBinaryCommandClass.GetCommand):
                return [SwitchBinaryCommandClass.Report(_on[endpoint])];
            default:
                return [];
        }
    }

    /// <summary>Someone flips a relay at the wall: the endpoint reports it.</summary>
    public void Flip(byte endpoint, bool on)
    {
        _on[endpoint] = on;
        ReportFrom(endpoint, SwitchBinaryCommandClass.Report(on));
    }
}
