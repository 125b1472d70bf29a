using Gateway.Engine.Streams;

namespace Gateway.Api.Streams;

/// <summary>How one transport (SSE or WebSocket) frames the push stream.</summary>
internal interface IEventFrameWriter
{
    /// <summary>Tells the client that events it asked to resume from are gone: it should read the setup again.</summary>
    ValueTask WriteResetAsync(long id, CancellationToken cancellationToken);

    ValueTask WriteEventAsync(StreamedEvent streamed, CancellationToken cancellationToken);

    ValueTask WriteHeartbeatAsync(CancellationToken cancellationToken);

    ValueTask FlushAsync(CancellationToken cancellationToken);
}
