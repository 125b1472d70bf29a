namespace Gateway.Radio.Zigbee.Tests;

internal static class Hex
{
    /// <summary>"FE 00 21 01 20" → bytes.</summary>
    public static byte[] Bytes(string spaced) => Convert.FromHexString(spaced.Replace(" ", ""));
}
