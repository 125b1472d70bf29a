using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using Gateway.Engine.Streams;

namespace Gateway.Api.Streams;

/// <summary>text/event-stream frames: <c>id: N</c> and <c>data: {event JSON}</c> per event, <c>: ping</c> as the heartbeat.</summary>
internal sealed class ServerSentEventWriter(PipeWriter pipe) : IEventFrameWriter
{
    public ValueTask WriteResetAsync(long id, CancellationToken cancellationToken)
    {
        WriteId(id);
        pipe.Write("event: reset\ndata: {\"reset\":true}\n\n"u8);
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteEventAsync(StreamedEvent streamed, CancellationToken cancellationToken)
    {
        WriteId(streamed.Id);
        pipe.Write("data: "u8);
        pipe.Write(streamed.Json);
        pipe.Write("\n\n"u8);
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteHeartbeatAsync(CancellationToken cancellationToken)
    {
        pipe.Write(": ping\n\n"u8);
        return ValueTask.CompletedTask;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var result = await pipe.FlushAsync(cancellationToken);
        // Completed: the connection is gone (its abort cancels the token too, this is just sooner).
        if (result.IsCanceled || result.IsCompleted) throw new OperationCanceledException(cancellationToken);
    }

    private void WriteId(long id)
    {
        pipe.Write("id: "u8);
        var digits = pipe.GetSpan(20);
        Utf8Formatter.TryFormat(id, digits, out var written);
        pipe.Advance(written);
        pipe.Write("\n"u8);
    }
}
