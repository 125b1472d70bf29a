namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>bdbCommissioningStatus values of APP_CNF_BDB_COMMISSIONING_NOTIFICATION.</summary>
public enum BdbCommissioningStatus : byte
{
    Success = 0x00,
    InProgress = 0x01,
    NoNetwork = 0x02,
    TouchLinkTargetFailure = 0x03,
    TouchLinkNotAddressAssignmentCapable = 0x04,
    TouchLinkNoScanResponse = 0x05,
    TouchLinkNotPermitted = 0x06,
    TrustCenterLinkKeyExchangeFailure = 0x07,
    /// <summary>Also what a coordinator that resumed its network reports for the formation it then skips.</summary>
    FormationFailure = 0x08,
    FindingBindingTargetInProgress = 0x09,
    FindingBindingInitiatorInProgress = 0x0A,
    FindingBindingNoIdentifyQueryResponse = 0x0B,
    FindingBindingTableFull = 0x0C,
    NetworkRestored = 0x0D,
    Failure = 0x0E,
}
