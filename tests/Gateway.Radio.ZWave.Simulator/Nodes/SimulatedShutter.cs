namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>A roller shutter module (generic Multilevel Switch, specific motor control class B): level 99 open, 0 closed.</summary>
public sealed class SimulatedShutter(byte nodeId) : SimulatedMultilevelNode(nodeId, 0x06);
