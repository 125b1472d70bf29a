using System.Collections.Immutable;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Streams;

/// <summary>
/// Fans every event out to the open push streams: serialised once (the JSON a listener fetches), numbered, kept in the
/// replay window, and offered to each client's bounded queue. Offering never waits: a client whose queue is full is
/// dropped, so one slow socket cannot slow the event bus or the other clients.
/// </summary>
public sealed class EventStreamHub : IEventSink
{
    private readonly Lock _gate = new();
    private readonly EventReplayBuffer _replay;
    private readonly EventStreamOptions _options;
    private readonly ILogger<EventStreamHub> _logger;
    private ImmutableArray<EventStreamClient> _clients = [];
    private long _dropped;

    public EventStreamHub(EventStreamOptions options, TimeProvider time, ILogger<EventStreamHub> logger)
    {
        _options = options;
        _logger = logger;
        // Ids continue from the start time (in µs) so an id from an earlier run is always older than this run's
        // window and gets a reset, never a silent resume at the wrong place.
        _replay = new EventReplayBuffer(Math.Max(1, options.ReplayWindow), time.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
    }

    public EventStreamOptions Options => _options;
    public int Count => _clients.Length;

    /// <summary>Clients dropped since start because they fell a whole queue behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Opens a stream for <paramref name="owner"/> (a token id). With <paramref name="lastEventId"/> (as the client sent
    /// it), the events after it are replayed first; when they are no longer all held, the stream starts with a reset.
    /// </summary>
    public EventStreamClient Open(string owner, string? lastEventId)
    {
        lock (_gate)
        {
            if (_clients.Count(c => c.Owner == owner) >= _options.MaxStreamsPerToken)
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"Too many open event streams for this token (limit {_options.MaxStreamsPerToken}).\""));
            if (_clients.Length >= _options.MaxStreams)
                throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"Too many open event streams (limit {_options.MaxStreams}).\""));
            var resume = Resume(lastEventId);
            var client = new EventStreamClient(this, owner, Math.Max(1, _options.ClientQueueCapacity), resume, _replay.NewestId);
            _clients = _clients.Add(client);
            return client;
        }
    }

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        var json = EventJson.Serialize(gatewayEvent);
        lock (_gate)
        {
            var streamed = _replay.Append(json);
            foreach (var client in _clients) client.Offer(streamed);
        }
    }

    internal void Remove(EventStreamClient client)
    {
        lock (_gate) _clients = _clients.Remove(client);
    }

    internal void OnDropped(EventStreamClient client)
    {
        Interlocked.Increment(ref _dropped);
        _logger.LogInformation("Event stream of token {Owner} dropped: its client fell {Capacity} events behind", client.Owner, _options.ClientQueueCapacity);
    }

    private IReadOnlyList<StreamedEvent>? Resume(string? lastEventId)
    {
        if (lastEventId is null) return [];
        return long.TryParse(lastEventId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? _replay.After(id)
            : null;
    }
}
