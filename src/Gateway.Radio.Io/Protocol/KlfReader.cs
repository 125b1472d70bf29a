using System.Buffers.Binary;
using System.Text;

namespace Gateway.Radio.Io.Protocol;

/// <summary>Bounds-checked big-endian reads over a frame's data; reads past the end give <see cref="InvalidDataException"/>.</summary>
internal ref struct KlfReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _offset;

    public byte U8() => Take(1)[0];

    public ushort U16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public ReadOnlySpan<byte> Take(int count)
    {
        if (_offset + count > _data.Length) throw new InvalidDataException($"frame data ends at {_data.Length} bytes, {_offset + count} needed");
        var span = _data.Slice(_offset, count);
        _offset += count;
        return span;
    }

    /// <summary>A zero-padded UTF-8 text field of <paramref name="size"/> bytes.</summary>
    public string Text(int size)
    {
        var field = Take(size);
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }
}
