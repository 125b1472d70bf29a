namespace Gateway.Core.Radio;

/// <summary>
/// A radio whose controller adds and removes nodes itself (a Z-Wave controller): inclusion and exclusion modes,
/// failed nodes, a factory reset. A mode change is reported as <see cref="NetworkOperationReported"/> with
/// <see cref="SetMode"/>, a reset with <see cref="Reset"/>; included nodes come as <see cref="DeviceDiscovered"/>,
/// excluded and removed ones as <see cref="DeviceRemovedReported"/>. A call throws <see cref="InvalidOperationException"/>
/// when the controller cannot do it now and <see cref="ArgumentException"/> for an address it does not know.
/// Inclusion is opened through <see cref="IRadio.StartPairingAsync"/> (after the pairing policy) or <see cref="StartInclusionAsync"/>.
/// </summary>
public interface IRadioControllerManagement
{
    public const string SetMode = "SetMode";
    public const string Reset = "Reset";

    /// <summary>Overkiz controller capability: 0 unknown, 1 first configuration, 2 primary, 3 secondary.</summary>
    int ControllerCapability { get; }

    /// <summary>Opens inclusion for <paramref name="timeout"/>; returns once the controller is in inclusion mode.</summary>
    Task StartInclusionAsync(TimeSpan timeout, bool highPower, bool networkWide, CancellationToken cancellationToken);

    /// <summary>Opens exclusion for <paramref name="timeout"/>; returns once the controller is in exclusion mode.</summary>
    Task StartExclusionAsync(TimeSpan timeout, bool highPower, bool networkWide, CancellationToken cancellationToken);

    /// <summary>Ends inclusion or exclusion, whichever runs (nothing when neither does).</summary>
    Task StopModeAsync(CancellationToken cancellationToken);

    /// <summary>Asks the controller whether the node at <paramref name="address"/> is on its failed list (it then shows unavailable).</summary>
    Task<bool> IsFailedNodeAsync(string address, CancellationToken cancellationToken);

    /// <summary>Removes a failed node from the network and its devices from the setup.</summary>
    Task RemoveFailedNodeAsync(string address, CancellationToken cancellationToken);

    /// <summary>Starts replacing a failed node: the next device included takes its node id and is interviewed again.</summary>
    Task ReplaceFailedNodeAsync(string address, CancellationToken cancellationToken);

    /// <summary>Resets the controller to factory defaults: a new network without nodes; every device of the radio leaves the setup.</summary>
    Task ResetAsync(CancellationToken cancellationToken);
}
