namespace Gateway.Radio.Io.Tests;

internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    /// <summary>A Python bytes literal's content (\xNN escapes and printable characters) as bytes.</summary>
    public static byte[] Python(string literal)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] == '\\' && literal[i + 1] == 'x')
            {
                bytes.Add(Convert.ToByte(literal.Substring(i + 2, 2), 16));
                i += 3;
            }
            else if (literal[i] == '\\' && literal[i + 1] == 'r')
            {
                bytes.Add(0x0D);
                i++;
            }
            else if (literal[i] == '\\' && literal[i + 1] == 't')
            {
                bytes.Add(0x09);
                i++;
            }
            else bytes.Add((byte)literal[i]);
        }
        return [.. bytes];
    }
}
