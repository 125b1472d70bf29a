using Gateway.Core.Model;

namespace Gateway.Core.Radio;

/// <summary>Something a radio learned about one of its devices. <c>Address</c> is the deviceURL part after the gateway id.</summary>
public abstract record DeviceReport(string Address);

/// <summary>A device joined (or was found at start-up); its kind must be in the catalog.</summary>
public sealed record DeviceDiscovered(string Address, string ControllableName, string Label, IReadOnlyList<DeviceState> States, IReadOnlyList<DeviceState> Attributes)
    : DeviceReport(Address);

public sealed record StatesReported(string Address, IReadOnlyList<DeviceState> States) : DeviceReport(Address);

public sealed record AvailabilityReported(string Address, bool Available) : DeviceReport(Address);

/// <summary>Pairing (learn) mode opened or closed; <c>TimedOut</c> when it closed on its own. Address is empty.</summary>
public sealed record PairingModeReported(bool Active, bool TimedOut) : DeviceReport("");
