namespace Gateway.Radio.ZWave.Serial;

/// <summary>
/// Splits the controller's byte stream into ACK/NAK/CAN and data frames. Bytes outside a frame that are none of the
/// symbols are garbage and skipped; a frame whose bytes stop for longer than the byte timeout is dropped, and the
/// reader looks for the next SOF. Never throws: every fault is counted.
/// </summary>
public sealed class SerialFrameReader(TimeProvider time, TimeSpan byteTimeout)
{
    /// <summary>The Serial API's receive timeout between two bytes of one frame.</summary>
    public static readonly TimeSpan DefaultByteTimeout = TimeSpan.FromMilliseconds(1500);

    private readonly byte[] _buffer = new byte[byte.MaxValue + 2];
    private int _expected, _filled;
    private long _lastByte;

    public SerialFrameReader() : this(TimeProvider.System, DefaultByteTimeout)
    {
    }

    /// <summary>The data frame the last <see cref="ReadEvent.Frame"/> completed.</summary>
    public SerialFrame? Frame { get; private set; }

    public long GarbageBytes { get; private set; }
    public long BadChecksums { get; private set; }
    public long BadFrames { get; private set; }
    public long ByteTimeouts { get; private set; }
    public long FramesRead { get; private set; }

    public ReadEvent Feed(byte value)
    {
        var now = time.GetTimestamp();
        if (_filled > 0 && time.GetElapsedTime(_lastByte, now) > byteTimeout)
        {
            ByteTimeouts++;
            _filled = 0;
        }
        _lastByte = now;
        if (_filled == 0)
        {
            switch (value)
            {
                case FrameBytes.Ack: return ReadEvent.Ack;
                case FrameBytes.Nak: return ReadEvent.Nak;
                case FrameBytes.Can: return ReadEvent.Can;
                case FrameBytes.Sof:
                    _buffer[0] = value;
                    _filled = 1;
                    return ReadEvent.None;
                default:
                    GarbageBytes++;
                    return ReadEvent.None;
            }
        }
        if (_filled == 1)
        {
            if (value < FrameBytes.MinLength)
            {
                // Not a length: the SOF was garbage too. Look at this byte afresh.
                GarbageBytes++;
                _filled = 0;
                return Feed(value);
            }
            _expected = value + 2;
        }
        _buffer[_filled++] = value;
        if (_filled < _expected) return ReadEvent.None;
        _filled = 0;
        var length = _buffer[1];
        var body = _buffer.AsSpan(1, length);
        if (SerialFrameCodec.Checksum(body) != _buffer[length + 1])
        {
            BadChecksums++;
            return ReadEvent.BadFrame;
        }
        if (_buffer[2] > (byte)FrameType.Response)
        {
            BadFrames++;
            return ReadEvent.BadFrame;
        }
        FramesRead++;
        Frame = new SerialFrame((FrameType)_buffer[2], _buffer[3], _buffer.AsSpan(4, length - FrameBytes.MinLength).ToArray());
        return ReadEvent.Frame;
    }
}
