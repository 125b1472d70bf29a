namespace Gateway.Core.Radio;

/// <summary>
/// A network operation the radio ran in the background (<see cref="IRadioNetworkManagement"/>) completed or failed.
/// <c>Operation</c> is the Overkiz name of the operation (CreateNetwork, LeaveNetwork …). Address is empty.
/// An operation the API answered with an execId (<see cref="PairingRequest.ExecId"/>) carries it: its end is then
/// that execution's state change rather than a protocol event.
/// </summary>
public sealed record NetworkOperationReported(string Operation, bool Succeeded) : DeviceReport("")
{
    public string? ExecId { get; init; }

    /// <summary>Who asked for the operation (the API token's label), for the execution's ownerKey.</summary>
    public string? Owner { get; init; }
}
