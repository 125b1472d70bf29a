namespace Gateway.Radio.EnOcean.Tests;

internal static class Hex
{
    /// <summary>"55 00 01" → bytes; spaces ignored.</summary>
    public static byte[] Bytes(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));

    public static string Of(byte[] bytes) => Convert.ToHexString(bytes);
}
