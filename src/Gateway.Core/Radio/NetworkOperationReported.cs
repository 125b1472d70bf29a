namespace Gateway.Core.Radio;

/// <summary>
/// A network operation the radio ran in the background (<see cref="IRadioNetworkManagement"/>) completed or failed.
/// <c>Operation</c> is the Overkiz name of the operation (CreateNetwork, LeaveNetwork …). Address is empty.
/// </summary>
public sealed record NetworkOperationReported(string Operation, bool Succeeded) : DeviceReport("");
