using Gateway.Cloud.Sync;
using Gateway.Core.Model;
using Gateway.Engine.Devices;

namespace Gateway.Daemon.Cloud;

/// <summary>The registry's devices, for cloud snapshots and "changes since" answers.</summary>
public sealed class CloudSnapshotSource(DeviceRegistry registry) : ICloudSnapshotSource
{
    public IReadOnlyList<Device> Devices() => registry.All();
}
