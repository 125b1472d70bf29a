using System.Text;

namespace Gateway.Radio.Io.Protocol;

/// <summary>Builds a frame's data big endian.</summary>
internal sealed class KlfWriter
{
    private readonly List<byte> _bytes = [];

    public KlfWriter U8(int value)
    {
        _bytes.Add((byte)value);
        return this;
    }

    public KlfWriter U16(int value) => U8(value >> 8).U8(value);

    public KlfWriter U32(uint value) => U16((int)(value >> 16)).U16((int)(value & 0xFFFF));

    public KlfWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) _bytes.Add(b);
        return this;
    }

    public KlfWriter Zeros(int count)
    {
        for (var i = 0; i < count; i++) _bytes.Add(0);
        return this;
    }

    /// <summary>UTF-8, cut to <paramref name="size"/> bytes on a character boundary, zero padded.</summary>
    public KlfWriter Text(string text, int size)
    {
        var encoded = Encoding.UTF8.GetBytes(text);
        var length = Math.Min(encoded.Length, size);
        while (length > 0 && length < encoded.Length && (encoded[length] & 0xC0) == 0x80) length--;
        return Bytes(encoded.AsSpan(0, length)).Zeros(size - length);
    }

    public byte[] ToArray() => [.. _bytes];
}
