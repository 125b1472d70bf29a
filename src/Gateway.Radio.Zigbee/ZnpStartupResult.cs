using Gateway.Radio.Zigbee.Protocol.Commands;

namespace Gateway.Radio.Zigbee;

/// <summary>What the start-up learned; <see cref="FormedWith"/> is set when a new network was formed.</summary>
public sealed record ZnpStartupResult(VersionResponse Version, ushort Capabilities, ulong IeeeAddress, StartupResult Startup, NetworkParameters? FormedWith)
{
    /// <summary>The network the coordinator runs, read back after it started.</summary>
    public CoordinatorNetwork? Network { get; init; }
}
