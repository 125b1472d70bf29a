namespace Gateway.Core.Licensing;

/// <summary>
/// Asked every time a radio is opened for new devices (EnOcean learn, Zigbee joinNetwork, the simulated radio).
/// Throws <see cref="Gateway.Core.Errors.OverkizException"/> with the reason when pairing is not allowed.
/// </summary>
public interface IPairingPolicy
{
    void EnsurePairingAllowed(string protocol);
}
