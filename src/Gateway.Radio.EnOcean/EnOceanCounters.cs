using Gateway.Radio.EnOcean.Protocol.Esp3;

namespace Gateway.Radio.EnOcean;

/// <summary>The radio's health counters, shown by diagnostics, summed across reconnections.</summary>
internal sealed class EnOceanCounters
{
    public long BytesReceived, PacketsReceived, PacketsSent, Telegrams, DuplicatesDropped, UnknownSenders, Undecodable;
    public long ResponseTimeouts, UnexpectedResponses, ErrorResponses, TeachIns;

    private readonly Lock _gate = new();
    private Esp3FrameReader? _current;
    private long _headerCrcErrors, _dataCrcErrors, _bytesDiscarded, _lengthErrors;

    public void Increment(ref long counter) => Interlocked.Increment(ref counter);

    public void Add(ref long counter, long value) => Interlocked.Add(ref counter, value);

    /// <summary>A new connection has its own frame reader; the previous one's totals are kept.</summary>
    public void Track(Esp3FrameReader reader)
    {
        lock (_gate)
        {
            if (_current is { } previous)
            {
                _headerCrcErrors += previous.HeaderCrcErrors;
                _dataCrcErrors += previous.DataCrcErrors;
                _bytesDiscarded += previous.BytesDiscarded;
                _lengthErrors += previous.LengthErrors;
            }
            _current = reader;
        }
    }

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        long header, data, discarded, length;
        lock (_gate)
        {
            header = _headerCrcErrors + (_current?.HeaderCrcErrors ?? 0);
            data = _dataCrcErrors + (_current?.DataCrcErrors ?? 0);
            discarded = _bytesDiscarded + (_current?.BytesDiscarded ?? 0);
            length = _lengthErrors + (_current?.LengthErrors ?? 0);
        }
        return new Dictionary<string, long>
        {
            ["bytesReceived"] = Interlocked.Read(ref BytesReceived),
            ["packetsReceived"] = Interlocked.Read(ref PacketsReceived),
            ["packetsSent"] = Interlocked.Read(ref PacketsSent),
            ["headerCrcErrors"] = header,
            ["dataCrcErrors"] = data,
            ["bytesDiscarded"] = discarded,
            ["lengthErrors"] = length,
            ["telegrams"] = Interlocked.Read(ref Telegrams),
            ["duplicatesDropped"] = Interlocked.Read(ref DuplicatesDropped),
            ["unknownSenders"] = Interlocked.Read(ref UnknownSenders),
            ["undecodable"] = Interlocked.Read(ref Undecodable),
            ["responseTimeouts"] = Interlocked.Read(ref ResponseTimeouts),
            ["unexpectedResponses"] = Interlocked.Read(ref UnexpectedResponses),
            ["errorResponses"] = Interlocked.Read(ref ErrorResponses),
            ["teachIns"] = Interlocked.Read(ref TeachIns),
        };
    }
}
