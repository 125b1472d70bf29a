using System.Threading.Channels;

namespace Gateway.Engine.Streams;

/// <summary>
/// One open push stream: what it must replay first, then the live events in a bounded queue. When the queue is full
/// the client is dropped: the queue ends and <see cref="Dropped"/> fires so a write stuck on its socket is cancelled.
/// </summary>
public sealed class EventStreamClient : IDisposable
{
    private readonly EventStreamHub _hub;
    private readonly Channel<StreamedEvent> _queue;
    private readonly CancellationTokenSource _dropped = new();
    private int _ended;
    private volatile bool _wasDropped;

    internal EventStreamClient(EventStreamHub hub, string owner, int capacity, IReadOnlyList<StreamedEvent>? replay, long newestId)
    {
        _hub = hub;
        Owner = owner;
        Replay = replay ?? [];
        IsReset = replay is null;
        ResetId = newestId;
        _queue = Channel.CreateBounded<StreamedEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Owner { get; }

    /// <summary>Events the client missed since its <c>Last-Event-ID</c>, to send before the live ones.</summary>
    public IReadOnlyList<StreamedEvent> Replay { get; }

    /// <summary>True when the client asked to resume from an id whose successors are no longer all held.</summary>
    public bool IsReset { get; }

    /// <summary>The id to give the reset: the newest event when the stream opened, so a reconnect after it resumes cleanly.</summary>
    public long ResetId { get; }

    public ChannelReader<StreamedEvent> Events => _queue.Reader;

    /// <summary>Cancelled when the client is dropped for falling behind.</summary>
    public CancellationToken Dropped => _dropped.Token;

    /// <summary>True as soon as the client is dropped (before <see cref="Dropped"/> fires, which runs on the thread pool).</summary>
    public bool WasDropped => _wasDropped;

    /// <summary>Called under the hub's lock: never waits.</summary>
    internal void Offer(StreamedEvent streamed)
    {
        if (_queue.Writer.TryWrite(streamed) || Volatile.Read(ref _ended) != 0) return;
        if (Interlocked.Exchange(ref _ended, 1) != 0) return;
        _wasDropped = true;
        _queue.Writer.TryComplete();
        // Off the publisher's thread: cancelling runs the socket's cancellation callbacks.
        ThreadPool.UnsafeQueueUserWorkItem(static state =>
        {
            var client = (EventStreamClient)state!;
            client._hub.Remove(client);
            client._hub.OnDropped(client);
            try
            {
                client._dropped.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }, this);
    }

    public void Dispose()
    {
        _hub.Remove(this);
        if (Interlocked.Exchange(ref _ended, 1) == 0) _queue.Writer.TryComplete();
    }
}
