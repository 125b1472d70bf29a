namespace Gateway.Radio.Zigbee.Devices;

/// <summary>What an interview learnt about a node: Basic cluster facts, endpoints, and the IAS zone type if it has one.</summary>
public sealed record ZigbeeNodeInfo(
    ulong Ieee,
    string? Manufacturer,
    string? Model,
    ZigbeePowerSource PowerSource,
    IReadOnlyList<ZigbeeEndpointInfo> Endpoints,
    ushort? IasZoneType = null);
