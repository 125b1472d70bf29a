namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>The logical type of a node descriptor.</summary>
public enum ZigbeeLogicalType : byte
{
    Coordinator = 0,
    Router = 1,
    EndDevice = 2,
    Unknown = 0xFF,
}
