using Gateway.Radio.Zigbee.Protocol.Mt;

namespace Gateway.Radio.Zigbee;

/// <summary>The ZNP link's health counters, summed across reconnections (each connection has its own frame reader).</summary>
public sealed class ZnpCounters
{
    public long BytesReceived, FramesReceived, FramesSent, SrspTimeouts, AreqTimeouts, UnexpectedResponses, RpcErrors, IndicationsDispatched;

    private readonly Lock _gate = new();
    private MtFrameReader? _current;
    private long _fcsErrors, _lengthErrors, _bytesDiscarded;

    public void Increment(ref long counter) => Interlocked.Increment(ref counter);

    public void Add(ref long counter, long value) => Interlocked.Add(ref counter, value);

    public void Track(MtFrameReader reader)
    {
        lock (_gate)
        {
            if (_current is { } previous)
            {
                _fcsErrors += previous.FcsErrors;
                _lengthErrors += previous.LengthErrors;
                _bytesDiscarded += previous.BytesDiscarded;
            }
            _current = reader;
        }
    }

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        long fcs, length, discarded;
        lock (_gate)
        {
            fcs = _fcsErrors + (_current?.FcsErrors ?? 0);
            length = _lengthErrors + (_current?.LengthErrors ?? 0);
            discarded = _bytesDiscarded + (_current?.BytesDiscarded ?? 0);
        }
        return new Dictionary<string, long>
        {
            ["bytesReceived"] = Interlocked.Read(ref BytesReceived),
            ["framesReceived"] = Interlocked.Read(ref FramesReceived),
            ["framesSent"] = Interlocked.Read(ref FramesSent),
            ["fcsErrors"] = fcs,
            ["lengthErrors"] = length,
            ["bytesDiscarded"] = discarded,
            ["srspTimeouts"] = Interlocked.Read(ref SrspTimeouts),
            ["areqTimeouts"] = Interlocked.Read(ref AreqTimeouts),
            ["unexpectedResponses"] = Interlocked.Read(ref UnexpectedResponses),
            ["rpcErrors"] = Interlocked.Read(ref RpcErrors),
            ["indicationsDispatched"] = Interlocked.Read(ref IndicationsDispatched),
        };
    }
}
