using Gateway.Radio.ZWave.Simulator;
using Gateway.Radio.ZWave.Simulator.Nodes;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>The network the tests adopt: a switch (2), a dimmer (3), a shutter (4), a multisensor (5), a door sensor (6).</summary>
internal sealed class Network
{
    public SimulatedSwitch Switch { get; } = new(2);
    public SimulatedDimmer Dimmer { get; } = new(3);
    public SimulatedShutter Shutter { get; } = new(4);
    public SimulatedMultisensor Multisensor { get; } = new(5);
    public SimulatedDoorSensor Door { get; } = new(6);
    public List<SimulatedZWaveNode> Extra { get; } = [];

    public IEnumerable<SimulatedZWaveNode> All => [Switch, Dimmer, Shutter, Multisensor, Door, .. Extra];

    public void AddTo(ZWaveControllerSimulator controller)
    {
        foreach (var node in All) controller.AddNode(node);
    }
}
