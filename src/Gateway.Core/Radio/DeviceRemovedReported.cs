namespace Gateway.Core.Radio;

/// <summary>The device is gone from the radio (it left, or went with another address of the same physical device).</summary>
public sealed record DeviceRemovedReported(string Address) : DeviceReport(Address);
