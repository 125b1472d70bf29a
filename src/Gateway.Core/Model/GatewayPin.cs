using System.Security.Cryptography;

namespace Gateway.Core.Model;

/// <summary>The gateway identifier in the PIN form printed on a box: <c>NNNN-NNNN-NNNN</c>.</summary>
public static class GatewayPin
{
    public static bool IsValid(string? pin)
    {
        if (pin is null || pin.Length != 14) return false;
        for (var i = 0; i < pin.Length; i++)
        {
            var isDash = i is 4 or 9;
            if (isDash ? pin[i] != '-' : !char.IsAsciiDigit(pin[i])) return false;
        }
        return true;
    }

    public static string Generate()
    {
        Span<char> digits = stackalloc char[12];
        for (var i = 0; i < digits.Length; i++) digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return $"{digits[..4]}-{digits[4..8]}-{digits[8..]}";
    }
}
