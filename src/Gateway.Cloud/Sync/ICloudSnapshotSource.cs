using Gateway.Core.Model;

namespace Gateway.Cloud.Sync;

/// <summary>The devices as they are now, for a full snapshot and for "changes since" answers.</summary>
public interface ICloudSnapshotSource
{
    IReadOnlyList<Device> Devices();
}
