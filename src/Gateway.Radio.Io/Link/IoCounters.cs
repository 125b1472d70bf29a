namespace Gateway.Radio.Io.Link;

/// <summary>The io radio's health counters, shown in its diagnostics.</summary>
public sealed class IoCounters
{
    public long FramesIn;
    public long FramesOut;
    public long FrameErrors;
    public long Timeouts;
    public long ErrorNotifications;
    public long Retries;
    public long KeepAlives;
    public long Sessions;
    public long FailedSessions;

    public static void Increment(ref long counter) => Interlocked.Increment(ref counter);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>
    {
        ["framesIn"] = Interlocked.Read(ref FramesIn),
        ["framesOut"] = Interlocked.Read(ref FramesOut),
        ["frameErrors"] = Interlocked.Read(ref FrameErrors),
        ["timeouts"] = Interlocked.Read(ref Timeouts),
        ["errorNotifications"] = Interlocked.Read(ref ErrorNotifications),
        ["retries"] = Interlocked.Read(ref Retries),
        ["keepAlives"] = Interlocked.Read(ref KeepAlives),
        ["sessions"] = Interlocked.Read(ref Sessions),
        ["failedSessions"] = Interlocked.Read(ref FailedSessions),
    };
}
