using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Devices;

/// <summary>One ZCL frame to send to a device's endpoint on a cluster.</summary>
public sealed record ZclRequest(ushort ClusterId, ZclFrame Frame);
