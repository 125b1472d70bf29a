using Gateway.Radio.Zigbee.Zcl;

namespace Gateway.Radio.Zigbee.Devices;

/// <summary>A reporting configuration and the cluster it is sent to (attribute ids repeat across clusters).</summary>
public sealed record ClusterReporting(ushort ClusterId, ReportingConfiguration Configuration);
