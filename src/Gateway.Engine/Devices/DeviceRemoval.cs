using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Engine.Radios;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Devices;

/// <summary>
/// Removes a device at the user's request, for any radio: the radio is told first when it wants to be
/// (<see cref="IRadioDeviceRemoval"/>, a Zigbee device is asked to leave), then the device leaves the setup and the
/// database with a DeviceRemovedEvent. A radio that fails keeps the device, with a DeviceDeletionFailedEvent, unless
/// the removal is forced.
/// </summary>
public sealed class DeviceRemoval(DeviceRegistry registry, RadioDirectory radios, IEventBus bus, SetupIdentity identity, TimeProvider time, ILogger<DeviceRemoval> logger)
{
    /// <summary>False when there is no such device; throws <see cref="RadioCommandException"/> when the radio failed and it was not forced.</summary>
    public async Task<bool> RemoveAsync(string deviceUrl, bool forced, CancellationToken cancellationToken)
    {
        if (registry.Find(deviceUrl) is null || !DeviceUrl.TryParse(deviceUrl, out var url)) return false;
        if (radios.Find(url.Protocol) is IRadioDeviceRemoval radio)
        {
            var address = url.SubsystemId is { } sub ? $"{url.Address}#{sub}" : url.Address;
            try
            {
                await radio.RemoveDeviceAsync(address, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (!forced)
                {
                    logger.LogWarning("Removing device {DeviceUrl} failed on its radio: {Reason}", deviceUrl, ex.Message);
                    bus.Publish(new DeviceDeletionFailedEvent(time.GetUtcNow().ToUnixTimeMilliseconds(), identity.SetupOid, deviceUrl, FailureType.NonExecuting.Name));
                    throw new RadioCommandException(FailureType.NonExecuting, ex.Message);
                }
                logger.LogWarning("Removing device {DeviceUrl} failed on its radio ({Reason}); removed anyway as forced", deviceUrl, ex.Message);
            }
        }
        // The radio may already have reported it gone (DeviceRemovedReported): then this finds nothing, which is fine.
        registry.Remove(deviceUrl);
        return true;
    }
}
