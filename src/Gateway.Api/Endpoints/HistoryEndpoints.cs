using System.Globalization;
using Gateway.Api.Contracts;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.History;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /history, /history/lastExecutions, /history/executions/{execId}, /history/devicesEvent[/{eventId}] and DELETE /history.
/// The lists are newest first and paged with the optional query parameters <c>limit</c> and <c>offset</c>.
/// </summary>
public static class HistoryEndpoints
{
    public static void MapHistoryEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/history", async (HttpContext context, IEventHistoryStore store) =>
        {
            var entries = await store.LoadMixedAsync(PageOf(context.Request), context.RequestAborted);
            return Results.Json<IReadOnlyList<HistoryEntryView>>(entries.Select(HistoryEntryView.Of).ToList(), HistoryApiJsonContext.Relaxed.IReadOnlyListHistoryEntryView);
        });

        api.MapDelete("/history", async (HttpContext context, IEventHistoryStore store, IEventBus bus, SetupIdentity identity, TimeProvider time) =>
        {
            await store.ClearAsync(context.RequestAborted);
            bus.Publish(new HistoryDeletedEvent(time.GetUtcNow().ToUnixTimeMilliseconds(), identity.SetupOid));
            return Results.NoContent();
        });

        api.MapGet("/history/lastExecutions", async (HttpContext context, IEventHistoryStore store) =>
        {
            var executions = await store.LoadExecutionsAsync(PageOf(context.Request), context.RequestAborted);
            return Results.Json<IReadOnlyList<ExecutionHistoryView>>(executions.Select(ExecutionHistoryView.Of).ToList(), HistoryApiJsonContext.Relaxed.IReadOnlyListExecutionHistoryView);
        });

        api.MapGet("/history/executions/{execId}", async (string execId, HttpContext context, IEventHistoryStore store) =>
            await store.FindExecutionAsync(execId, context.RequestAborted) is { } execution
                ? Results.Json(new ExecutionHistoryResponse(ExecutionHistoryView.Of(execution)), HistoryApiJsonContext.Relaxed.ExecutionHistoryResponse)
                : throw new OverkizException(OverkizError.NoCorrespondingExecId(execId)));

        api.MapGet("/history/devicesEvent", async (HttpContext context, IEventHistoryStore store) =>
            Results.Json(await store.LoadDeviceEventsAsync(PageOf(context.Request), context.RequestAborted), HistoryApiJsonContext.Relaxed.IReadOnlyListDeviceEvent));

        api.MapGet("/history/devicesEvent/{eventId}", async (string eventId, HttpContext context, IEventHistoryStore store) =>
            await store.FindDeviceEventAsync(eventId, context.RequestAborted) is { } deviceEvent
                ? Results.Json(new DeviceEventResponse(deviceEvent), HistoryApiJsonContext.Relaxed.DeviceEventResponse)
                : throw new OverkizException(OverkizError.UnknownObject()));
    }

    /// <summary>The page asked for: <c>limit</c> 1 to <see cref="HistoryPage.MaxLimit"/> (default <see cref="HistoryPage.DefaultLimit"/>), <c>offset</c> from 0.</summary>
    public static HistoryPage PageOf(HttpRequest request)
    {
        var limit = Whole(request, "limit", HistoryPage.DefaultLimit, 1, HistoryPage.MaxLimit);
        var offset = Whole(request, "offset", 0, 0, int.MaxValue - HistoryPage.MaxLimit);
        return new HistoryPage(offset, limit);
    }

    private static int Whole(HttpRequest request, string name, int fallback, int min, int max)
    {
        if (!request.Query.TryGetValue(name, out var values)) return fallback;
        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        throw new OverkizException(OverkizError.BadParameters($"{name} must be a whole number from {min} to {max}"));
    }
}
