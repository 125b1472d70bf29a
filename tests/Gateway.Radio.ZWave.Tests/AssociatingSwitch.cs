using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Simulator;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>A switch with two association groups (lifeline holding the controller, and a group of up to 5 nodes).</summary>
internal sealed class AssociatingSwitch(byte nodeId) : SimulatedZWaveNode(nodeId, true, 0x10, 0x01,
    [CommandClassId.SwitchBinary, CommandClassId.Association, CommandClassId.ManufacturerSpecific, CommandClassId.Version])
{
    public Dictionary<byte, List<byte>> Groups { get; } = new() { [1] = [1], [2] = [] };

    protected override IReadOnlyList<byte[]> Handle(byte[] payload)
    {
        if (payload[0] == CommandClassId.SwitchBinary && payload[1] == SwitchBinaryCommandClass.GetCommand) return [SwitchBinaryCommandClass.Report(false)];
        if (payload[0] != CommandClassId.Association) return [];
        lock (Groups)
        {
            switch (payload[1])
            {
                case AssociationCommandClass.GroupingsGetCommand:
                    return [AssociationCommandClass.GroupingsReport((byte)Groups.Count)];
                case AssociationCommandClass.GetCommand when Groups.TryGetValue(payload[2], out var nodes):
                    return [AssociationCommandClass.Report(payload[2], payload[2] == 1 ? (byte)1 : (byte)5, [.. nodes])];
                case AssociationCommandClass.SetCommand when Groups.TryGetValue(payload[2], out var nodes):
                    nodes.AddRange(payload[3..].Except(nodes));
                    return [];
                case AssociationCommandClass.RemoveCommand when Groups.TryGetValue(payload[2], out var nodes):
                    if (payload.Length == 3) nodes.Clear();
                    else nodes.RemoveAll(n => payload[3..].Contains(n));
                    return [];
            }
        }
        return [];
    }
}
