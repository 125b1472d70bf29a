using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Executions;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Limits;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /actionGroups (create, update, read, delete), POST /exec/{actionGroupOID}, and the scheduled executions:
/// /exec/schedule… and /exec/delayedTriggerSchedule… — none of which a TaHoma box serves locally.
/// </summary>
public static class ActionGroupEndpoints
{
    public static void MapActionGroupEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/actionGroups", (ActionGroupService groups) =>
            Results.Json(groups.All(), GatewayJsonContext.Relaxed.IReadOnlyListActionGroup));

        api.MapGet("/actionGroups/{oid}", (string oid, ActionGroupService groups) =>
            Results.Json(groups.Find(oid) ?? throw new OverkizException(OverkizError.UnknownObject()), GatewayJsonContext.Relaxed.ActionGroup));

        api.MapPost("/actionGroups", async (HttpContext context, ActionGroupService groups) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.MalformedActionGroup(), ApiLimits.ActionGroupBodyBytes);
            var group = await groups.CreateAsync(ActionGroupDraft.Read(body.RootElement), context.RequestAborted);
            return Results.Json(new ActionGroupOidResponse(group.Oid), ApiJsonContext.Relaxed.ActionGroupOidResponse, statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/actionGroups", async (HttpContext context, ActionGroupService groups) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.MalformedActionGroup(), ApiLimits.ActionGroupBodyBytes);
            var oid = ExecutionRequestParser.OptionalString(body.RootElement, "oid") ?? throw new OverkizException(OverkizError.MalformedActionGroup());
            var group = await groups.UpdateAsync(oid, ActionGroupDraft.Read(body.RootElement), context.RequestAborted);
            return Results.Json(group, GatewayJsonContext.Relaxed.ActionGroup);
        });

        api.MapDelete("/actionGroups/{oid}", async (string oid, HttpContext context, ActionGroupService groups) =>
        {
            await groups.DeleteAsync(oid, context.RequestAborted);
            return Results.NoContent();
        });

        api.MapPost("/exec/{actionGroupOid}", async (string actionGroupOid, HttpContext context, ActionGroupService groups) =>
        {
            var owner = BearerTokenMiddleware.TokenOf(context)?.Label ?? "local";
            var execId = await groups.ExecuteAsync(actionGroupOid, owner, "local", context.RequestAborted);
            return Results.Json(new ExecIdResponse(execId), ApiJsonContext.Relaxed.ExecIdResponse);
        });

        api.MapPost("/exec/schedule/{actionGroupOid}/{utcTimestamp}", async (string actionGroupOid, string utcTimestamp, HttpContext context, ExecutionScheduler scheduler) =>
        {
            if (!long.TryParse(utcTimestamp, out var utcTime) || utcTime is <= 0 or > ApiLimits.MaxUtcTimeMilliseconds)
                throw new OverkizException(OverkizError.BadParameters($"utcTimestamp must be milliseconds since 1970-01-01 UTC, at most {ApiLimits.MaxUtcTimeMilliseconds} (end of year 9999)"));
            var schedule = await scheduler.ScheduleAsync(actionGroupOid, utcTime, context.RequestAborted);
            return Results.Json(new TriggerIdResponse(schedule.TriggerId), ApiJsonContext.Relaxed.TriggerIdResponse);
        });

        api.MapGet("/exec/schedule", (ExecutionScheduler scheduler) =>
            Results.Json(scheduler.All(), GatewayJsonContext.Relaxed.IReadOnlyListScheduledExecution));
        api.MapGet("/exec/schedule/{actionGroupOid}", (string actionGroupOid, ExecutionScheduler scheduler) =>
            Results.Json(scheduler.ForGroup(actionGroupOid), GatewayJsonContext.Relaxed.IReadOnlyListScheduledExecution));
        api.MapGet("/exec/delayedTriggerSchedule", (ExecutionScheduler scheduler) =>
            Results.Json(scheduler.All(), GatewayJsonContext.Relaxed.IReadOnlyListScheduledExecution));
        api.MapGet("/exec/delayedTriggerSchedule/{triggerId}", (string triggerId, ExecutionScheduler scheduler) =>
            Results.Json(scheduler.Find(triggerId) ?? throw new OverkizException(OverkizError.UnknownObject()), GatewayJsonContext.Relaxed.ScheduledExecution));
        api.MapDelete("/exec/delayedTriggerSchedule/{triggerId}", async (string triggerId, HttpContext context, ExecutionScheduler scheduler) =>
            await scheduler.CancelAsync(triggerId, context.RequestAborted) ? Results.NoContent() : throw new OverkizException(OverkizError.UnknownObject()));
    }
}
