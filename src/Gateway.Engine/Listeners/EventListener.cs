namespace Gateway.Engine.Listeners;

/// <summary>One registered API listener: the events (already as JSON) waiting for its next fetch.</summary>
internal sealed class EventListener(Guid id, string owner, long now, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _pending = new();

    public Guid Id { get; } = id;

    /// <summary>The bearer token (its id) that registered the listener.</summary>
    public string Owner { get; } = owner;
    public long LastActivity { get; private set; } = now;
    public long Dropped { get; private set; }

    public void Enqueue(byte[] eventJson)
    {
        lock (_gate)
        {
            if (_pending.Count >= capacity)
            {
                _pending.Dequeue();
                Dropped++;
            }
            _pending.Enqueue(eventJson);
        }
    }

    public IReadOnlyList<byte[]> Drain(long now)
    {
        lock (_gate)
        {
            LastActivity = now;
            var events = _pending.ToArray();
            _pending.Clear();
            return events;
        }
    }

    public bool IsIdleSince(long cutoff)
    {
        lock (_gate) return LastActivity <= cutoff;
    }
}
