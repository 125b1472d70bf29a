namespace Gateway.Radio.ZWave.Simulator.Nodes;

/// <summary>An in-wall dimmer (generic Multilevel Switch, specific multilevel power switch).</summary>
public sealed class SimulatedDimmer(byte nodeId) : SimulatedMultilevelNode(nodeId, 0x01);
