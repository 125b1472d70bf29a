namespace Gateway.Radio.Zigbee;

/// <summary>
/// The network a coordinator runs, as read back from it after start-up: what the gateway stores, compares at every
/// start and puts into a backup. <see cref="FrameCounter"/> is null when the firmware does not expose it in NV.
/// </summary>
public sealed record CoordinatorNetwork(ulong CoordinatorIeee, NetworkParameters Parameters, uint? FrameCounter);
