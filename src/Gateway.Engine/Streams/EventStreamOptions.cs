namespace Gateway.Engine.Streams;

/// <summary>The push stream of events (<c>GET …/events/stream</c>, SSE or WebSocket): configuration <c>Gateway:EventStream</c>.</summary>
public sealed class EventStreamOptions
{
    /// <summary>Recent events kept so a client that reconnects with <c>Last-Event-ID</c> receives what it missed.</summary>
    public int ReplayWindow { get; set; } = 512;

    /// <summary>Events queued for one client that is not keeping up; past it the client is dropped, never waited for.</summary>
    public int ClientQueueCapacity { get; set; } = 1024;

    /// <summary>Seconds between <c>: ping</c> comments (SSE) or WebSocket keep-alives, so proxies and clients see a live stream.</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    public int MaxStreams { get; set; } = 64;

    /// <summary>Streams one bearer token may hold open, so one client cannot take every slot from the others.</summary>
    public int MaxStreamsPerToken { get; set; } = 8;
}
