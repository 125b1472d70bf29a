using Gateway.Radio.ZWave.CommandClasses;

namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A door lock that only talks through Security S0 (Door Lock 0x62 is listed only inside security).</summary>
public sealed class SimulatedSecureLock(byte nodeId) : SimulatedZWaveNode(nodeId, false, 0x40, 0x03,
    [CommandClassId.Security, CommandClassId.ManufacturerSpecific, CommandClassId.Version, CommandClassId.Battery])
{
    protected override IReadOnlyList<byte[]> Handle(byte[] payload) => [];
}
