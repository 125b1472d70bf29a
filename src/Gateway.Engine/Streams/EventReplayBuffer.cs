namespace Gateway.Engine.Streams;

/// <summary>
/// The last <c>capacity</c> events with consecutive ids from <c>firstId</c> on, for resuming a stream after
/// <c>Last-Event-ID</c>. Not thread-safe: <see cref="EventStreamHub"/> holds its lock around every call.
/// </summary>
public sealed class EventReplayBuffer
{
    private readonly StreamedEvent[] _ring;
    private long _nextId;
    private int _count;

    public EventReplayBuffer(int capacity, long firstId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new StreamedEvent[capacity];
        _nextId = firstId;
    }

    /// <summary>The id of the newest event; one less than the first id while there is none.</summary>
    public long NewestId => _nextId - 1;

    /// <summary>The id of the oldest event still held (equal to <c>NewestId + 1</c> while there is none).</summary>
    public long OldestId => _nextId - _count;

    public StreamedEvent Append(byte[] json)
    {
        var streamed = new StreamedEvent(_nextId, json);
        _ring[(int)(_nextId % _ring.Length)] = streamed;
        _nextId++;
        if (_count < _ring.Length) _count++;
        return streamed;
    }

    /// <summary>
    /// The events after <paramref name="lastEventId"/>, oldest first, when all of them are still held; null when some
    /// are gone (the id is older than the window) or the id was never given (a future id, one of an earlier run).
    /// </summary>
    public IReadOnlyList<StreamedEvent>? After(long lastEventId)
    {
        if (lastEventId > NewestId || lastEventId < OldestId - 1) return null;
        var missed = new StreamedEvent[NewestId - lastEventId];
        for (var i = 0; i < missed.Length; i++) missed[i] = _ring[(int)((lastEventId + 1 + i) % _ring.Length)];
        return missed;
    }
}
