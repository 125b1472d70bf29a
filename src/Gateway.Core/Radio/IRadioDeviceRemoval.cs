namespace Gateway.Core.Radio;

/// <summary>
/// A radio whose devices must be told when the user removes them (a Zigbee device asked to leave the network). Radios
/// without it just lose the device from the setup.
/// </summary>
public interface IRadioDeviceRemoval
{
    /// <summary>
    /// Tells the device at <paramref name="address"/> to go and forgets it. Other addresses of the same physical device
    /// that go with it are reported as <see cref="DeviceRemovedReported"/>. Throws when the radio cannot do it.
    /// </summary>
    Task RemoveDeviceAsync(string address, CancellationToken cancellationToken);
}
