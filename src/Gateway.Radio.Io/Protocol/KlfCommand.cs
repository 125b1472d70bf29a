namespace Gateway.Radio.Io.Protocol;

/// <summary>The KLF-200 API command numbers the gateway uses (big endian on the wire).</summary>
public static class KlfCommand
{
    public const ushort ErrorNtf = 0x0000;
    public const ushort GetVersionReq = 0x0008;
    public const ushort GetVersionCfm = 0x0009;
    public const ushort GetProtocolVersionReq = 0x000A;
    public const ushort GetProtocolVersionCfm = 0x000B;
    public const ushort GetStateReq = 0x000C;
    public const ushort GetStateCfm = 0x000D;
    public const ushort CsGetSystemTableDataReq = 0x0100;
    public const ushort CsGetSystemTableDataCfm = 0x0101;
    public const ushort CsGetSystemTableDataNtf = 0x0102;
    public const ushort CsDiscoverNodesReq = 0x0103;
    public const ushort CsDiscoverNodesCfm = 0x0104;
    public const ushort CsDiscoverNodesNtf = 0x0105;
    public const ushort CsRemoveNodesReq = 0x0106;
    public const ushort CsRemoveNodesCfm = 0x0107;
    public const ushort CsSystemTableUpdateNtf = 0x0112;
    public const ushort GetAllNodesInformationReq = 0x0202;
    public const ushort GetAllNodesInformationCfm = 0x0203;
    public const ushort GetAllNodesInformationNtf = 0x0204;
    public const ushort GetAllNodesInformationFinishedNtf = 0x0205;
    public const ushort SetNodeNameReq = 0x0208;
    public const ushort SetNodeNameCfm = 0x0209;
    public const ushort NodeInformationChangedNtf = 0x020C;
    public const ushort NodeStatePositionChangedNtf = 0x0211;
    public const ushort HouseStatusMonitorEnableReq = 0x0240;
    public const ushort HouseStatusMonitorEnableCfm = 0x0241;
    public const ushort CommandSendReq = 0x0300;
    public const ushort CommandSendCfm = 0x0301;
    public const ushort CommandRunStatusNtf = 0x0302;
    public const ushort CommandRemainingTimeNtf = 0x0303;
    public const ushort SessionFinishedNtf = 0x0304;
    public const ushort WinkSendReq = 0x0308;
    public const ushort WinkSendCfm = 0x0309;
    public const ushort WinkSendNtf = 0x030A;
    public const ushort GetLimitationStatusReq = 0x0312;
    public const ushort GetLimitationStatusCfm = 0x0313;
    public const ushort LimitationStatusNtf = 0x0314;
    public const ushort SetUtcReq = 0x2000;
    public const ushort SetUtcCfm = 0x2001;
    public const ushort PasswordEnterReq = 0x3000;
    public const ushort PasswordEnterCfm = 0x3001;

    /// <summary>The confirmation a request is answered with (request + 1 for every request the gateway sends).</summary>
    public static ushort ConfirmationOf(ushort request) => (ushort)(request + 1);
}
