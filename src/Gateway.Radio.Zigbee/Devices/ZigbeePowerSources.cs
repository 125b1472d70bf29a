using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Devices;

public static class ZigbeePowerSources
{
    /// <summary>The Basic cluster's power source attribute; the backup-battery bit does not make a mains device a battery one.</summary>
    public static ZigbeePowerSource FromBasicAttribute(long value) => (value & 0x7F) switch
    {
        BasicCluster.PowerSourceMainsSinglePhase or BasicCluster.PowerSourceMainsThreePhase or BasicCluster.PowerSourceDc
            or BasicCluster.PowerSourceEmergencyMainsConstant or BasicCluster.PowerSourceEmergencyMainsTransfer => ZigbeePowerSource.Mains,
        BasicCluster.PowerSourceBattery => ZigbeePowerSource.Battery,
        _ => ZigbeePowerSource.Unknown,
    };
}
