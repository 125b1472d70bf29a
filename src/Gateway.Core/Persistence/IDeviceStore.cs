using Gateway.Core.Model;

namespace Gateway.Core.Persistence;

public interface IDeviceStore
{
    Task<IReadOnlyList<Device>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Queues the device (with its states) for writing; the latest version of a device wins.</summary>
    void Save(Device device);

    /// <summary>Completes once everything queued before the call is on disk.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
