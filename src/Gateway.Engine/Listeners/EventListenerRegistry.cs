using System.Collections.Concurrent;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Json;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Listeners;

/// <summary>
/// The event listeners of the local API. Each event is serialised once and queued for every listener; a listener
/// not fetched for the idle timeout is destroyed.
/// </summary>
public sealed class EventListenerRegistry : IEventSink, IDisposable
{
    private readonly ConcurrentDictionary<Guid, EventListener> _listeners = new();
    private readonly ListenerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EventListenerRegistry> _logger;
    private readonly ITimer _sweeper;
    private readonly Lock _registration = new();

    public EventListenerRegistry(ListenerOptions options, TimeProvider time, ILogger<EventListenerRegistry> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, options.IdleTimeout.Ticks / 10));
        _sweeper = time.CreateTimer(_ => Sweep(), null, period, period);
    }

    public int Count => _listeners.Count;

    /// <summary>Registers a listener for <paramref name="owner"/> (a token id), within the per-owner and global limits.</summary>
    public Guid Register(string owner = "local")
    {
        lock (_registration)
        {
            Sweep();
            if (_listeners.Values.Count(l => l.Owner == owner) >= _options.MaxListenersPerToken)
                throw new OverkizException(OverkizError.TooManyListenersForToken(_options.MaxListenersPerToken));
            if (_listeners.Count >= _options.MaxListeners)
                throw new OverkizException(OverkizError.TooManyListeners(_options.MaxListeners));
            var id = Guid.NewGuid();
            _listeners[id] = new EventListener(id, owner, Now(), _options.MaxEventsPerListener);
            _logger.LogDebug("Event listener {ListenerId} registered", id);
            return id;
        }
    }

    /// <summary>The events since the previous fetch, or null when no such listener is alive.</summary>
    public IReadOnlyList<byte[]>? Fetch(Guid id)
    {
        if (!_listeners.TryGetValue(id, out var listener)) return null;
        if (IsExpired(listener))
        {
            Remove(id);
            return null;
        }
        return listener.Drain(Now());
    }

    public bool Unregister(Guid id) => _listeners.TryGetValue(id, out var listener) && !IsExpired(listener) && Remove(id);

    public void OnEvent(GatewayEvent gatewayEvent)
    {
        if (_listeners.IsEmpty) return;
        var json = EventJson.Serialize(gatewayEvent);
        foreach (var listener in _listeners.Values) listener.Enqueue(json);
    }

    public void Sweep()
    {
        foreach (var listener in _listeners.Values)
        {
            if (IsExpired(listener) && Remove(listener.Id))
                _logger.LogInformation("Event listener {ListenerId} destroyed after {Timeout} idle ({Dropped} events dropped)", listener.Id, _options.IdleTimeout, listener.Dropped);
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private bool IsExpired(EventListener listener) =>
        listener.IsIdleSince(Now() - (long)_options.IdleTimeout.TotalMilliseconds);

    private bool Remove(Guid id) => _listeners.TryRemove(id, out _);

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
