namespace Gateway.Radio.Rts.Protocol;

/// <summary>
/// Cuts the byte stream from an RFXtrx into frames. The protocol has no start byte and no checksum: a length byte
/// outside what the interface sends is skipped as garbage, and a frame left incomplete when the line goes quiet is
/// dropped by <see cref="SkipPartialFrame"/> so the next byte is read as a length again.
/// </summary>
public sealed class RfxFrameReader
{
    /// <summary>The shortest frame the interface sends (a transmitter response: length 4).</summary>
    public const int MinLengthByte = 4;

    private readonly byte[] _buffer = new byte[4096];
    private int _start, _end;

    public long BytesDiscarded { get; private set; }
    public long LengthErrors { get; private set; }
    public long PartialFramesDropped { get; private set; }

    public bool HasPartialFrame => _end > _start;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            Compact();
            var room = _buffer.Length - _end;
            if (room == 0)
            {
                // Cannot happen with frames of at most 65 bytes being taken out as they complete; never grow without bound.
                BytesDiscarded += _end - _start;
                _start = _end = 0;
                room = _buffer.Length;
            }
            var take = Math.Min(room, bytes.Length);
            bytes[..take].CopyTo(_buffer.AsSpan(_end));
            _end += take;
            bytes = bytes[take..];
        }
    }

    public bool TryRead(out RfxFrame frame)
    {
        frame = null!;
        while (_end > _start)
        {
            var length = _buffer[_start];
            if (length < MinLengthByte || length > RfxFrame.MaxLength)
            {
                LengthErrors++;
                BytesDiscarded++;
                _start++;
                continue;
            }
            if (_end - _start < length + 1) return false;
            RfxFrame.TryDecode(_buffer.AsSpan(_start, length + 1), out frame);
            _start += length + 1;
            return true;
        }
        return false;
    }

    /// <summary>The line went quiet in the middle of a frame: what was read of it is dropped.</summary>
    public void SkipPartialFrame()
    {
        if (_end <= _start) return;
        PartialFramesDropped++;
        BytesDiscarded++;
        _start++;
    }

    private void Compact()
    {
        if (_start == 0) return;
        if (_start == _end)
        {
            _start = _end = 0;
            return;
        }
        if (_start < _buffer.Length / 2) return;
        Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
    }
}
