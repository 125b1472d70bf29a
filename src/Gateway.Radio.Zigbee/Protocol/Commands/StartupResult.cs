namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>What ZDO_STARTUP_FROM_APP answers.</summary>
public enum StartupResult : byte
{
    /// <summary>The network stored in NV was resumed.</summary>
    RestoredNetworkState = 0x00,
    /// <summary>A new network is being formed.</summary>
    NewNetworkState = 0x01,
    LeaveAndNotStarted = 0x02,
}
