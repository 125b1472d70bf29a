using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using Gateway.Engine.Streams;

namespace Gateway.Api.Streams;

/// <summary>
/// One WebSocket text message per event, <c>{"id":"N","event":{event JSON}}</c>, and <c>{"id":"N","reset":true}</c>
/// for a reset. The heartbeat is the WebSocket keep-alive, so nothing is written for it.
/// </summary>
internal sealed class WebSocketEventWriter(WebSocket socket) : IEventFrameWriter
{
    private readonly ArrayBufferWriter<byte> _message = new(1024);

    public ValueTask WriteResetAsync(long id, CancellationToken cancellationToken)
    {
        Begin(id);
        _message.Write("\"reset\":true}"u8);
        return SendAsync(cancellationToken);
    }

    public ValueTask WriteEventAsync(StreamedEvent streamed, CancellationToken cancellationToken)
    {
        Begin(streamed.Id);
        _message.Write("\"event\":"u8);
        _message.Write(streamed.Json);
        _message.Write("}"u8);
        return SendAsync(cancellationToken);
    }

    public ValueTask WriteHeartbeatAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private void Begin(long id)
    {
        _message.ResetWrittenCount();
        _message.Write("{\"id\":\""u8);
        var digits = _message.GetSpan(20);
        Utf8Formatter.TryFormat(id, digits, out var written);
        _message.Advance(written);
        _message.Write("\","u8);
    }

    private ValueTask SendAsync(CancellationToken cancellationToken) =>
        socket.SendAsync(_message.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
