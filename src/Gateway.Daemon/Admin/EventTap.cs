using System.Threading.Channels;
using Gateway.Core.Events;
using Gateway.Core.Json;

namespace Gateway.Daemon.Admin;

/// <summary>
/// Keeps the last events for <c>gatewayctl events</c> and feeds followers. Events are serialised once, as a
/// listener would fetch them; a follower that cannot keep up loses its oldest events, never slows the bus.
/// </summary>
public sealed class EventTap : IEventSink
{
    public const int Kept = 100;
    private const int FollowerBuffer = 1024;

    private readonly Queue<byte[]> _recent = new();
    private readonly List<Channel<byte[]>> _followers = [];
    private readonly Lock _gate = new();

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        var json = EventJson.Serialize(gatewayEvent);
        lock (_gate)
        {
            if (_recent.Count == Kept) _recent.Dequeue();
            _recent.Enqueue(json);
            foreach (var follower in _followers) follower.Writer.TryWrite(json);
        }
    }

    public IReadOnlyList<byte[]> Recent()
    {
        lock (_gate) return [.. _recent];
    }

    /// <summary>The recent events, then every new one until the follower is disposed.</summary>
    public Follower Follow()
    {
        var channel = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(FollowerBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            foreach (var json in _recent) channel.Writer.TryWrite(json);
            _followers.Add(channel);
        }
        return new Follower(channel.Reader, () =>
        {
            lock (_gate) _followers.Remove(channel);
        });
    }

    public sealed class Follower(ChannelReader<byte[]> events, Action stop) : IDisposable
    {
        public ChannelReader<byte[]> Events { get; } = events;
        public void Dispose() => stop();
    }
}
