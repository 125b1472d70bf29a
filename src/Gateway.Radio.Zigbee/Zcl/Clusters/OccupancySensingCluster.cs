namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Occupancy Sensing (0x0406), ZCL spec §4.8.</summary>
public static class OccupancySensingCluster
{
    public const ushort Id = ZclClusterId.OccupancySensing;

    public const ushort Occupancy = 0x0000; // map8, bit 0 = occupied
    public const ushort OccupancySensorType = 0x0001; // enum8

    public static bool IsOccupied(long occupancy) => (occupancy & 0x01) != 0;
}
