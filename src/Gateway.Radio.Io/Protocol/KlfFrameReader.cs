namespace Gateway.Radio.Io.Protocol;

/// <summary>
/// Turns the byte stream from a KLF-200 into frames: SLIP unescaping, then protocol, length and checksum checks. A
/// damaged frame is dropped and counted; the reader picks up again at the next END byte. Never throws on input.
/// </summary>
public sealed class KlfFrameReader
{
    /// <summary>An unescaped frame is at most 260 bytes (5 of framing around 252 data bytes, plus slack).</summary>
    private const int MaxRawLength = 260;

    private readonly byte[] _buffer = new byte[MaxRawLength];
    private int _length;
    private bool _escaped;
    private bool _discarding;

    public long Frames { get; private set; }
    public long Errors { get; private set; }
    public KlfFrameError LastError { get; private set; }

    /// <summary>Feeds received bytes; every complete good frame goes to <paramref name="onFrame"/>.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, Action<KlfFrame> onFrame)
    {
        foreach (var b in bytes)
        {
            if (b == Slip.End)
            {
                EndOfFrame(onFrame);
                continue;
            }
            if (_discarding) continue;
            byte value;
            if (_escaped)
            {
                _escaped = false;
                if (b == Slip.EscEnd) value = Slip.End;
                else if (b == Slip.EscEsc) value = Slip.Esc;
                else
                {
                    Fail(KlfFrameError.BadEscape);
                    continue;
                }
            }
            else if (b == Slip.Esc)
            {
                _escaped = true;
                continue;
            }
            else value = b;

            if (_length == _buffer.Length)
            {
                Fail(KlfFrameError.TooLong);
                continue;
            }
            _buffer[_length++] = value;
        }
    }

    private void EndOfFrame(Action<KlfFrame> onFrame)
    {
        var length = _length;
        var discarding = _discarding || _escaped;
        if (_escaped) Fail(KlfFrameError.BadEscape);
        _length = 0;
        _escaped = false;
        _discarding = false;
        // Back-to-back ENDs (the closing END of one frame and the opening END of the next) carry nothing.
        if (discarding || length == 0) return;
        var error = KlfFrame.TryParse(_buffer.AsSpan(0, length), out var frame);
        if (error != KlfFrameError.None)
        {
            Errors++;
            LastError = error;
            return;
        }
        Frames++;
        onFrame(frame!);
    }

    private void Fail(KlfFrameError error)
    {
        if (!_discarding)
        {
            Errors++;
            LastError = error;
        }
        _discarding = true;
        _length = 0;
    }
}
