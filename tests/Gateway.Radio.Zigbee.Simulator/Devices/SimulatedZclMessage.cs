using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Simulator.Devices;

/// <summary>A ZCL frame a simulated device sends on its own (a report, a zone notification, an enroll request).</summary>
public sealed record SimulatedZclMessage(byte Endpoint, ushort Cluster, ZclFrame Frame);
