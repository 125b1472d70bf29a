namespace Gateway.Core.Radio;

/// <summary>
/// Something the radio's network did that concerns no device of the setup, named as Overkiz names the event without
/// its protocol prefix and suffix (a Z-Wave exclusion that reset a device of another network: <c>ExclusionInOtherNetwork</c>).
/// </summary>
public sealed record RadioNoticeReported(string Notice) : DeviceReport("");
