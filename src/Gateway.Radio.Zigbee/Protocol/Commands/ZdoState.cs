namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>The ZDO device state (devStates_t) reported by ZDO_STATE_CHANGE_IND and UTIL_GET_DEVICE_INFO.</summary>
public enum ZdoState : byte
{
    Hold = 0x00,
    Init = 0x01,
    NetworkDiscovery = 0x02,
    Joining = 0x03,
    Rejoining = 0x04,
    EndDeviceUnauthenticated = 0x05,
    EndDevice = 0x06,
    Router = 0x07,
    CoordinatorStarting = 0x08,
    /// <summary>Started as the network's coordinator: what the gateway waits for.</summary>
    Coordinator = 0x09,
    Orphan = 0x0A,
}
