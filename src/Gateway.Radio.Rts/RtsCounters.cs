using Gateway.Radio.Rts.Protocol;

namespace Gateway.Radio.Rts;

/// <summary>The RTS radio's health counters, shown by diagnostics, summed across reconnections.</summary>
internal sealed class RtsCounters
{
    public long BytesReceived, FramesReceived, FramesSent, Acks, Naks, ResponseTimeouts, Retries, UnexpectedFrames, UnknownRemotes, Transmissions;

    private readonly Lock _gate = new();
    private RfxFrameReader? _current;
    private long _bytesDiscarded, _lengthErrors, _partialFrames;

    public void Increment(ref long counter) => Interlocked.Increment(ref counter);

    public void Add(ref long counter, long value) => Interlocked.Add(ref counter, value);

    /// <summary>A new connection has its own frame reader; the previous one's totals are kept.</summary>
    public void Track(RfxFrameReader reader)
    {
        lock (_gate)
        {
            if (_current is { } previous)
            {
                _bytesDiscarded += previous.BytesDiscarded;
                _lengthErrors += previous.LengthErrors;
                _partialFrames += previous.PartialFramesDropped;
            }
            _current = reader;
        }
    }

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        long discarded, length, partial;
        lock (_gate)
        {
            discarded = _bytesDiscarded + (_current?.BytesDiscarded ?? 0);
            length = _lengthErrors + (_current?.LengthErrors ?? 0);
            partial = _partialFrames + (_current?.PartialFramesDropped ?? 0);
        }
        return new Dictionary<string, long>
        {
            ["bytesReceived"] = Interlocked.Read(ref BytesReceived),
            ["framesReceived"] = Interlocked.Read(ref FramesReceived),
            ["framesSent"] = Interlocked.Read(ref FramesSent),
            ["transmissions"] = Interlocked.Read(ref Transmissions),
            ["acks"] = Interlocked.Read(ref Acks),
            ["naks"] = Interlocked.Read(ref Naks),
            ["responseTimeouts"] = Interlocked.Read(ref ResponseTimeouts),
            ["retries"] = Interlocked.Read(ref Retries),
            ["unexpectedFrames"] = Interlocked.Read(ref UnexpectedFrames),
            ["unknownRemotes"] = Interlocked.Read(ref UnknownRemotes),
            ["bytesDiscarded"] = discarded,
            ["lengthErrors"] = length,
            ["partialFramesDropped"] = partial,
        };
    }
}
