using Gateway.Core.Model;

namespace Gateway.Core.Persistence;

public interface IDeviceStore
{
    Task<IReadOnlyList<Device>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Queues the device (with its states) for writing; the latest version of a device wins.</summary>
    void Save(Device device);

    /// <summary>Queues the removal of the device (with its states); a later <see cref="Save"/> of the same URL wins over it.</summary>
    void Delete(string deviceUrl);

    /// <summary>Completes once everything queued before the call is on disk.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
