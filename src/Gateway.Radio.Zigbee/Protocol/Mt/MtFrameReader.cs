using System.Diagnostics.CodeAnalysis;

namespace Gateway.Radio.Zigbee.Protocol.Mt;

/// <summary>
/// Cuts the byte stream from a ZNP coordinator into MT frames. Bytes go in with <see cref="Append"/> in chunks of
/// any size, frames come out of <see cref="TryRead"/>. Never throws on any input: garbage is skipped and counted.
/// </summary>
/// <remarks>
/// When a candidate frame fails (impossible length, wrong FCS) only its SOF byte is dropped and the search for the
/// next 0xFE starts behind it, so a 0xFE inside data or a truncated frame never costs the good frame that follows.
/// A frame that started but never ends holds the reader until the driver gives up on it with
/// <see cref="SkipPartialFrame"/> (an inter-byte timeout). Not thread-safe: one reader per link and reading loop.
/// </remarks>
public sealed class MtFrameReader
{
    private byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;

    public long FramesDecoded { get; private set; }
    public long FcsErrors { get; private set; }
    public long LengthErrors { get; private set; }

    /// <summary>Bytes thrown away while resynchronising.</summary>
    public long BytesDiscarded { get; private set; }

    public int BufferedBytes => _end - _start;

    /// <summary>True when the buffer starts with a frame still waiting for bytes.</summary>
    public bool HasPartialFrame => _end > _start && _buffer[_start] == MtFrame.StartOfFrame;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        if (_start == _end) _start = _end = 0;
        if (_buffer.Length - _end < bytes.Length)
        {
            var live = _end - _start;
            var target = _buffer.Length - live >= bytes.Length ? _buffer : new byte[Math.Max(_buffer.Length * 2, live + bytes.Length)];
            _buffer.AsSpan(_start, live).CopyTo(target);
            _buffer = target;
            _start = 0;
            _end = live;
        }
        bytes.CopyTo(_buffer.AsSpan(_end));
        _end += bytes.Length;
    }

    public bool TryRead([NotNullWhen(true)] out MtFrame? frame)
    {
        while (true)
        {
            frame = null;
            var window = _buffer.AsSpan(_start, _end - _start);
            if (window.IsEmpty) return false;
            var sof = window.IndexOf(MtFrame.StartOfFrame);
            if (sof < 0)
            {
                Discard(window.Length);
                return false;
            }
            if (sof > 0)
            {
                Discard(sof);
                continue;
            }
            switch (MtCodec.TryDecode(window, out frame, out var consumed))
            {
                case MtDecodeResult.Frame when frame is not null:
                    _start += consumed;
                    if (_start == _end) _start = _end = 0;
                    FramesDecoded++;
                    return true;
                case MtDecodeResult.NeedMoreBytes:
                    return false;
                case MtDecodeResult.BadLength:
                    LengthErrors++;
                    Discard(1);
                    break;
                default:
                    FcsErrors++;
                    Discard(1);
                    break;
            }
        }
    }

    /// <summary>Gives up on the frame at the head of the buffer (its SOF is dropped; the search resumes behind it).</summary>
    public void SkipPartialFrame()
    {
        if (HasPartialFrame) Discard(1);
    }

    /// <summary>Drops everything buffered (e.g. after reopening the port); counted as discarded.</summary>
    public void Reset() => Discard(_end - _start);

    private void Discard(int count)
    {
        _start += count;
        BytesDiscarded += count;
        if (_start == _end) _start = _end = 0;
    }
}
