namespace Gateway.Core.Events;

/// <summary>The one stream of everything that happens. Publishing never blocks on a consumer.</summary>
public interface IEventBus
{
    void Publish(GatewayEvent gatewayEvent);

    /// <summary>Adds a consumer; dispose the result to remove it.</summary>
    IDisposable Subscribe(IEventSink sink);
}
