using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Engine.Listeners;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>/events/register, /events/{id}/fetch, /events/{id}/unregister.</summary>
public static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/events/register", (EventListenerRegistry listeners, HttpContext context) =>
            Results.Json(new ListenerIdResponse(listeners.Register(BearerTokenMiddleware.TokenOf(context)?.Id ?? "local").ToString()),
                ApiJsonContext.Relaxed.ListenerIdResponse));

        api.MapPost("/events/{listenerId}/fetch", async (string listenerId, EventListenerRegistry listeners, HttpContext context) =>
        {
            var events = listeners.Fetch(ParseId(listenerId)) ?? throw new OverkizException(OverkizError.NoRegisteredEventListener());
            context.Response.ContentType = "application/json";
            await WriteArrayAsync(context.Response.Body, events, context.RequestAborted);
        });

        api.MapPost("/events/{listenerId}/unregister", (string listenerId, EventListenerRegistry listeners) =>
            listeners.Unregister(ParseId(listenerId))
                ? Results.Bytes("[]"u8.ToArray(), "application/json")
                : throw new OverkizException(OverkizError.NoRegisteredEventListener()));
    }

    private static Guid ParseId(string listenerId) =>
        Guid.TryParse(listenerId, out var id) ? id : throw new OverkizException(OverkizError.MalformedFetchId());

    private static async Task WriteArrayAsync(Stream body, IReadOnlyList<byte[]> events, CancellationToken cancellationToken)
    {
        await body.WriteAsync("["u8.ToArray(), cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0) await body.WriteAsync(","u8.ToArray(), cancellationToken);
            await body.WriteAsync(events[i], cancellationToken);
        }
        await body.WriteAsync("]"u8.ToArray(), cancellationToken);
    }
}
