namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Metering (0x0702), ZCL spec §10.4 (Smart Energy). Summations and demand are scaled by multiplier/divisor.</summary>
public static class MeteringCluster
{
    public const ushort Id = ZclClusterId.Metering;

    public const ushort CurrentSummationDelivered = 0x0000; // uint48
    public const ushort UnitOfMeasure = 0x0300; // enum8, 0 = kW / kWh
    public const ushort Multiplier = 0x0301; // uint24
    public const ushort Divisor = 0x0302; // uint24
    public const ushort InstantaneousDemand = 0x0400; // int24

    public static readonly ushort[] ScalingAttributes = [UnitOfMeasure, Multiplier, Divisor];
}
