namespace Gateway.Core.Radio;

/// <summary>The device took a new name on its own side (an io node renamed with setName): its label in the setup follows.</summary>
public sealed record LabelReported(string Address, string Label) : DeviceReport(Address);
