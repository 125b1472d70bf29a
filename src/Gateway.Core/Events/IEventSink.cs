namespace Gateway.Core.Events;

/// <summary>A consumer of the event bus. <see cref="OnEvent"/> runs on the publisher's thread and must return quickly.</summary>
public interface IEventSink
{
    void OnEvent(GatewayEvent gatewayEvent);
}
