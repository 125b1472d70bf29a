namespace Gateway.Radio.Io.Protocol;

/// <summary>SLIP (RFC 1055) as the KLF-200 uses it: every frame between two END bytes, END and ESC escaped inside.</summary>
public static class Slip
{
    public const byte End = 0xC0;
    public const byte Esc = 0xDB;
    public const byte EscEnd = 0xDC;
    public const byte EscEsc = 0xDD;

    /// <summary>The largest encoded size of <paramref name="length"/> raw bytes (every byte escaped, plus both ENDs).</summary>
    public static int MaxEncodedLength(int length) => length * 2 + 2;

    /// <summary>Writes END, the escaped bytes, END into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        var n = 0;
        destination[n++] = End;
        foreach (var b in raw)
        {
            switch (b)
            {
                case End:
                    destination[n++] = Esc;
                    destination[n++] = EscEnd;
                    break;
                case Esc:
                    destination[n++] = Esc;
                    destination[n++] = EscEsc;
                    break;
                default:
                    destination[n++] = b;
                    break;
            }
        }
        destination[n++] = End;
        return n;
    }

    public static byte[] Encode(ReadOnlySpan<byte> raw)
    {
        var buffer = new byte[MaxEncodedLength(raw.Length)];
        return buffer[..Encode(raw, buffer)];
    }
}
