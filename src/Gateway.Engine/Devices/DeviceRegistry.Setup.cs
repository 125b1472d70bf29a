using Gateway.Core.Events;
using Gateway.Core.Model;

namespace Gateway.Engine.Devices;

/// <summary>The setup fields a user changes through the API: label, place, metadata, measurement category.</summary>
public sealed partial class DeviceRegistry
{
    /// <summary>Moves the device to a place (that the caller has checked exists); false when there is no such device.</summary>
    public bool Relocate(string deviceUrl, string placeOid) => Update(deviceUrl, d => d with { PlaceOid = placeOid });

    public bool Rename(string deviceUrl, string label) => Update(deviceUrl, d => d with { Label = label });

    public bool SetMetadata(string deviceUrl, string? metadata) => Update(deviceUrl, d => d with { Metadata = metadata });

    /// <summary>Renames the device and sets its core:MeasurementCategory attribute.</summary>
    public bool RenameWithCategory(string deviceUrl, string label, string category) => Update(deviceUrl, d => d with
    {
        Label = label,
        Attributes = [.. d.Attributes.Where(a => a.Name != MeasurementCategory), DeviceState.Of(MeasurementCategory, category)],
    });

    public const string MeasurementCategory = "core:MeasurementCategory";

    private bool Update(string deviceUrl, Func<Device, Device> change)
    {
        lock (_gate)
        {
            if (!_devices.TryGetValue(deviceUrl, out var device)) return false;
            var now = Now();
            var updated = change(device) with { LastUpdateTime = now };
            Store(updated, new DeviceUpdatedEvent(now, identity.SetupOid, deviceUrl, updated.ControllableName, updated.Label, updated.PlaceOid, updated.Metadata));
            return true;
        }
    }
}
