using System.Collections.Concurrent;
using Gateway.Core.Events;

namespace Gateway.Engine.Tests;

internal sealed class RecordingSink : IEventSink
{
    public ConcurrentQueue<GatewayEvent> Events { get; } = new();
    public void OnEvent(GatewayEvent gatewayEvent) => Events.Enqueue(gatewayEvent);
    public IEnumerable<T> Of<T>() => Events.OfType<T>();
}
