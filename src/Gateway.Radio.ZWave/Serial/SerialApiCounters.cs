namespace Gateway.Radio.ZWave.Serial;

/// <summary>The Serial API link's health counters, summed across reconnections.</summary>
public sealed class SerialApiCounters
{
    public long FramesSent, FramesReceived, AcksSent, NaksSent, AcksReceived, NaksReceived, CansReceived, Retransmissions,
        AckTimeouts, ResponseTimeouts, CallbackTimeouts, Unsolicited, UnexpectedFrames, GarbageBytes, BadChecksums, BadFrames, ByteTimeouts;

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>
    {
        ["framesSent"] = Interlocked.Read(ref FramesSent),
        ["framesReceived"] = Interlocked.Read(ref FramesReceived),
        ["acksSent"] = Interlocked.Read(ref AcksSent),
        ["naksSent"] = Interlocked.Read(ref NaksSent),
        ["acksReceived"] = Interlocked.Read(ref AcksReceived),
        ["naksReceived"] = Interlocked.Read(ref NaksReceived),
        ["cansReceived"] = Interlocked.Read(ref CansReceived),
        ["retransmissions"] = Interlocked.Read(ref Retransmissions),
        ["ackTimeouts"] = Interlocked.Read(ref AckTimeouts),
        ["responseTimeouts"] = Interlocked.Read(ref ResponseTimeouts),
        ["callbackTimeouts"] = Interlocked.Read(ref CallbackTimeouts),
        ["unsolicitedFrames"] = Interlocked.Read(ref Unsolicited),
        ["unexpectedFrames"] = Interlocked.Read(ref UnexpectedFrames),
        ["garbageBytes"] = Interlocked.Read(ref GarbageBytes),
        ["badChecksums"] = Interlocked.Read(ref BadChecksums),
        ["badFrames"] = Interlocked.Read(ref BadFrames),
        ["byteTimeouts"] = Interlocked.Read(ref ByteTimeouts),
    };
}
