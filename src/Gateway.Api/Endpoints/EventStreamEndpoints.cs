using System.Net.WebSockets;
using Gateway.Api.Infrastructure;
using Gateway.Api.Streams;
using Gateway.Core.Errors;
using Gateway.Engine.Streams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Gateway.Api.Endpoints;

/// <summary>
/// <c>GET /events/stream</c>: the events a registered listener would fetch, pushed as they happen: Server-Sent Events,
/// or a WebSocket on the same path when the request asks for the upgrade. <c>Last-Event-ID</c> (header, or the
/// <c>lastEventId</c> query parameter for clients that cannot set headers) resumes after that event.
/// </summary>
public static class EventStreamEndpoints
{
    public const string Path = "/events/stream";
    public const string LastEventIdQuery = "lastEventId";

    public static void MapEventStreamEndpoints(this IEndpointRouteBuilder api)
    {
        // CONNECT: a WebSocket over HTTP/2 (RFC 8441) arrives as an extended CONNECT, not a GET.
        api.MapMethods(Path, [HttpMethods.Get, HttpMethods.Connect], async (HttpContext context, EventStreamHub hub, TimeProvider time, IHostApplicationLifetime lifetime) =>
        {
            var webSocket = context.WebSockets.IsWebSocketRequest;
            if (!webSocket && !HttpMethods.IsGet(context.Request.Method))
                throw new OverkizException(OverkizError.MethodNotAllowed(context.Request.Method, HttpMethods.Get));
            using var client = hub.Open(BearerTokenMiddleware.TokenOf(context)?.Id ?? "local", LastEventId(context.Request));
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, client.Dropped, lifetime.ApplicationStopping);
            var heartbeat = TimeSpan.FromSeconds(Math.Max(1, hub.Options.HeartbeatSeconds));
            try
            {
                if (webSocket) await StreamOverWebSocketAsync(context, client, heartbeat, time, ending);
                else await StreamServerSentEventsAsync(context, client, heartbeat, time, ending.Token);
            }
            catch (OperationCanceledException)
            {
                // The client left, fell behind, or the gateway is stopping: nothing more to send.
            }
            catch (Exception ex) when (ex is IOException or WebSocketException && (ending.IsCancellationRequested || client.WasDropped))
            {
                // A write on a connection that was already going away.
            }
            // A dropped client's socket may still be full of unread bytes: cut it rather than end the response politely.
            if (client.WasDropped) context.Abort();
        });
    }

    private static async Task StreamServerSentEventsAsync(HttpContext context, EventStreamClient client, TimeSpan heartbeat, TimeProvider time, CancellationToken cancellationToken)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.StartAsync(cancellationToken);
        await EventStreamPump.RunAsync(client, new ServerSentEventWriter(context.Response.BodyWriter), heartbeat, time, cancellationToken);
    }

    private static async Task StreamOverWebSocketAsync(HttpContext context, EventStreamClient client, TimeSpan heartbeat, TimeProvider time, CancellationTokenSource ending)
    {
        // Unsolicited pongs as the heartbeat, no ping awaiting an answer: a client answers pings only while it is in a
        // receive call, and one busy elsewhere for a while is not dead. A dead peer shows as a stuck send (dropped).
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = heartbeat });
        var receiving = ReceiveUntilClosedAsync(socket, ending);
        try
        {
            await EventStreamPump.RunAsync(client, new WebSocketEventWriter(socket), TimeSpan.Zero, time, ending.Token);
        }
        finally
        {
            if (!client.WasDropped && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or WebSocketException)
                {
                }
            }
            await ending.CancelAsync();
            await receiving;
        }
    }

    /// <summary>Reads (and ignores) what the client sends, so its close and the keep-alive pongs are seen; ends the stream when it closes.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource ending)
    {
        var buffer = new byte[256];
        try
        {
            while (!ending.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, ending.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or WebSocketException)
        {
        }
        await ending.CancelAsync();
    }

    private static string? LastEventId(HttpRequest request)
    {
        var header = request.Headers["Last-Event-ID"].ToString();
        if (header.Length > 0) return header.Trim();
        var query = request.Query[LastEventIdQuery].ToString();
        return query.Length > 0 ? query.Trim() : null;
    }
}
