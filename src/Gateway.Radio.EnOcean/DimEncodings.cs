using Gateway.Radio.EnOcean.Protocol.Eep;

namespace Gateway.Radio.EnOcean;

/// <summary>
/// The A5-38-08 dim encoding a user picks: as a suffix of the device reference at teach-in
/// (<c>learn/start/A5-38-08-Absolute255</c>), or later with the device command <c>setDimEncoding</c>.
/// </summary>
public static class DimEncodings
{
    public const string Command = "setDimEncoding";

    public static bool TryParse(string? name, out A53808DimEncoding encoding) =>
        Enum.TryParse(name, ignoreCase: true, out encoding) && Enum.IsDefined(encoding) && !int.TryParse(name, out _);

    /// <summary>"A5-38-08-Absolute255" gives "A5-38-08" and Absolute255; a plain EEP comes back as it is.</summary>
    public static string Split(string reference, out A53808DimEncoding? encoding)
    {
        encoding = null;
        if (reference.Length <= 9 || reference[8] != '-') return reference;
        if (!TryParse(reference[9..], out var parsed)) throw new ArgumentException($"unknown dim encoding {reference[9..]}");
        encoding = parsed;
        return reference[..8];
    }
}
