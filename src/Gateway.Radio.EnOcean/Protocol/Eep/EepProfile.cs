using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gateway.Radio.EnOcean.Protocol.Eep;

/// <summary>An EnOcean Equipment Profile: RORG, FUNC and TYPE, written <c>A5-02-05</c>.</summary>
public readonly record struct EepProfile(byte Rorg, byte Func, byte Type)
{
    public override string ToString() => $"{Rorg:X2}-{Func:X2}-{Type:X2}";

    /// <summary>Parses <c>RR-FF-TT</c> (hexadecimal, either case).</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static EepProfile Parse(string text) =>
        TryParse(text, out var profile) ? profile : throw new FormatException($"Not an EEP (RR-FF-TT): \"{text}\".");

    public static bool TryParse([NotNullWhen(true)] string? text, out EepProfile profile)
    {
        profile = default;
        if (text is null || text.Length != 8 || text[2] != '-' || text[5] != '-') return false;
        if (!TryHex(text.AsSpan(0, 2), out var rorg) || !TryHex(text.AsSpan(3, 2), out var func) || !TryHex(text.AsSpan(6, 2), out var type))
            return false;
        profile = new EepProfile(rorg, func, type);
        return true;
    }

    private static bool TryHex(ReadOnlySpan<char> text, out byte value) =>
        byte.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
}
