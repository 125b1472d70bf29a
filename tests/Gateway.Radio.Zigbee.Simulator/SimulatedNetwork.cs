namespace Gateway.Radio.Zigbee.Simulator;

/// <summary>The network a simulated coordinator formed.</summary>
public sealed record SimulatedNetwork(ushort PanId, ulong ExtendedPanId, byte Channel, byte[] NetworkKey);
