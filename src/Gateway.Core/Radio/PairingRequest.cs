namespace Gateway.Core.Radio;

/// <summary>
/// Opens a radio for new devices. <paramref name="Profile"/> is what the user said the device is, for devices that
/// cannot tell (an EnOcean rocker: "F6-02-01"); null lets the device announce itself.
/// </summary>
public sealed record PairingRequest(TimeSpan Duration, string? Profile)
{
    /// <summary>The execId the API answered for this pairing, when its end is reported as that execution's end.</summary>
    public string? ExecId { get; init; }

    public string? Owner { get; init; }
}
