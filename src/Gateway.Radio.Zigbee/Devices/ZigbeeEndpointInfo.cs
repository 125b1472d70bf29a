namespace Gateway.Radio.Zigbee.Devices;

/// <summary>One endpoint's simple descriptor, as the ZDO interview read it.</summary>
public sealed record ZigbeeEndpointInfo(byte Endpoint, ushort ProfileId, ushort DeviceId, IReadOnlyList<ushort> InClusters, IReadOnlyList<ushort> OutClusters)
{
    public const ushort HomeAutomationProfile = 0x0104;
    public const ushort LightLinkProfile = 0xC05E;

    public bool Serves(ushort clusterId) => InClusters.Contains(clusterId);
}
