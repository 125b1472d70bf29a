using Gateway.Radio.Zigbee.Protocol.Commands;

namespace Gateway.Radio.Zigbee;

/// <summary>What the ZDO interview learnt about a node: logical type, manufacturer code, power, and each endpoint's simple descriptor.</summary>
public sealed record NodeInterview(ulong Ieee, ushort NetworkAddress, ZigbeeLogicalType LogicalType, ushort ManufacturerCode, bool MainsPowered, IReadOnlyList<SimpleDescriptor> Endpoints);
