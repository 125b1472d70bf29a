using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Executions;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Persistence;
using Gateway.Engine.Executions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>/exec/apply, /exec/current[/{id}], cancellation, and /history/executions.</summary>
public static class ExecutionEndpoints
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static void MapExecutionEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/exec/apply", async (HttpContext context, ExecutionEngine engine) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.MalformedActionGroup());
            var owner = BearerTokenMiddleware.TokenOf(context)?.Label ?? "local";
            var request = ExecutionRequestParser.Parse(body.RootElement, owner, "local");
            var execId = await engine.ApplyAsync(request, context.RequestAborted);
            return Results.Json(new ExecIdResponse(execId), ApiJsonContext.Relaxed.ExecIdResponse);
        });

        api.MapGet("/exec/current", (ExecutionEngine engine) =>
            Results.Json(engine.Current(), GatewayJsonContext.Relaxed.IReadOnlyListCurrentExecution));

        api.MapGet("/exec/current/{execId}", (string execId, ExecutionEngine engine) =>
            engine.FindCurrent(execId) is { } current
                ? Results.Json(current, GatewayJsonContext.Relaxed.CurrentExecution)
                : throw new OverkizException(OverkizError.NoCorrespondingExecId(execId)));

        api.MapDelete("/exec/current/setup", (ExecutionEngine engine) =>
        {
            engine.CancelAll();
            return Results.Bytes(EmptyObject, "application/json");
        });

        api.MapDelete("/exec/current/setup/{execId}", (string execId, ExecutionEngine engine) =>
            engine.Cancel(execId)
                ? Results.Bytes(EmptyObject, "application/json")
                : throw new OverkizException(OverkizError.NoCorrespondingExecId(execId)));

        api.MapGet("/history/executions", async (IExecutionStore store, HttpContext context) =>
            Results.Json(await store.LoadHistoryAsync(200, context.RequestAborted), GatewayJsonContext.Relaxed.IReadOnlyListHistoryExecution));
    }
}
