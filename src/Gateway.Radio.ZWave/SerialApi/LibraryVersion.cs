using System.Text;

namespace Gateway.Radio.ZWave.SerialApi;

/// <summary>GetVersion response: a NUL-terminated "Z-Wave x.yy" text (12 bytes) and the library type.</summary>
public sealed record LibraryVersion(string Version, byte LibraryType)
{
    public const byte StaticController = 0x01;

    public static LibraryVersion? Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 13) return null;
        var text = payload[..12];
        var end = text.IndexOf((byte)0);
        return new LibraryVersion(Encoding.ASCII.GetString(end >= 0 ? text[..end] : text), payload[12]);
    }

    public byte[] Encode()
    {
        var bytes = new byte[13];
        Encoding.ASCII.GetBytes(Version.AsSpan(0, Math.Min(Version.Length, 11)), bytes);
        bytes[12] = LibraryType;
        return bytes;
    }
}
