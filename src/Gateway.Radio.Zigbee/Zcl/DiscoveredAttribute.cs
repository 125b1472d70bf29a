namespace Gateway.Radio.Zigbee.Zcl;

public sealed record DiscoveredAttribute(ushort AttributeId, ZclDataType DataType);
