using System.Collections.Immutable;
using Gateway.Core.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Events;

/// <summary>Synchronous fan-out to sinks that each buffer on their own, so a slow consumer cannot slow a producer.</summary>
public sealed class EventBus(ILogger<EventBus> logger) : IEventBus
{
    private ImmutableArray<IEventSink> _sinks = [];

    public void Publish(GatewayEvent gatewayEvent)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                sink.OnEvent(gatewayEvent);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Event sink {Sink} failed on {Event}", sink.GetType().Name, gatewayEvent.Name);
            }
        }
    }

    public IDisposable Subscribe(IEventSink sink)
    {
        ImmutableInterlocked.Update(ref _sinks, s => s.Add(sink));
        return new Subscription(() => ImmutableInterlocked.Update(ref _sinks, s => s.Remove(sink)));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;
        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
