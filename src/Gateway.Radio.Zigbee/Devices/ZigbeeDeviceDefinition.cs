using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Devices;

/// <summary>One Overkiz device made of one endpoint: its kind, the clusters to bind and the reporting to configure.</summary>
public sealed record ZigbeeDeviceDefinition(
    byte Endpoint,
    string ControllableName,
    string Label,
    IReadOnlyList<ushort> BindClusters,
    IReadOnlyList<ClusterReporting> Reporting)
{
    /// <summary>The configurations for one cluster, ready for <see cref="ZclGlobal.ConfigureReporting"/>.</summary>
    public IReadOnlyList<ReportingConfiguration> ReportingFor(ushort clusterId) =>
        [.. Reporting.Where(r => r.ClusterId == clusterId).Select(r => r.Configuration)];
}
