namespace Gateway.Radio.ZWave.Tests;

internal static class Hex
{
    public static byte[] Bytes(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));
}
