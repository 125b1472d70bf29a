using Gateway.Api.Infrastructure;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Core.Limits;
using Gateway.Engine.Automation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /conditionGroups (create, update, read, delete, evaluate); /triggers is in <see cref="TriggerEndpoints"/>.
/// </summary>
public static class AutomationEndpoints
{
    public static void MapAutomationEndpoints(this IEndpointRouteBuilder api)
    {
        MapConditionGroups(api);
        api.MapTriggerEndpoints();
    }

    private static void MapConditionGroups(IEndpointRouteBuilder api)
    {
        api.MapGet("/conditionGroups", (ConditionGroupService groups) =>
            Results.Json(groups.All(), AutomationJsonContext.Relaxed.IReadOnlyListConditionGroup));

        api.MapGet("/conditionGroups/{oid}", (string oid, ConditionGroupService groups) =>
            Results.Json(groups.Find(oid) ?? throw new OverkizException(OverkizError.UnknownObject()), AutomationJsonContext.Relaxed.ConditionGroup));

        api.MapGet("/conditionGroups/{oid}/evaluate", (string oid, ConditionGroupService groups) =>
            Results.Json(groups.Evaluate(oid), AutomationJsonContext.Relaxed.ConditionGroupEvaluation));

        api.MapPost("/conditionGroups", async (HttpContext context, ConditionGroupService groups) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, Malformed("condition group"), ApiLimits.LargeBodyBytes);
            var group = await groups.CreateAsync(AutomationRequestReader.ReadConditionGroup(body.RootElement), context.RequestAborted);
            return Results.Json(new ConditionGroupOidResponse(group.Oid), AutomationJsonContext.Relaxed.ConditionGroupOidResponse, statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/conditionGroups", async (HttpContext context, ConditionGroupService groups) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, Malformed("condition group"), ApiLimits.LargeBodyBytes);
            var draft = AutomationRequestReader.ReadConditionGroup(body.RootElement);
            if (string.IsNullOrEmpty(draft.Oid)) throw new OverkizException(Malformed("condition group"));
            var group = await groups.UpdateAsync(draft, context.RequestAborted);
            return Results.Json(group, AutomationJsonContext.Relaxed.ConditionGroup);
        });

        api.MapDelete("/conditionGroups/{oid}", async (string oid, HttpContext context, ConditionGroupService groups) =>
        {
            await groups.DeleteAsync(oid, context.RequestAborted);
            return Results.NoContent();
        });
    }

    internal static OverkizError Malformed(string what) => OverkizError.BadParameters($"malformed {what}");
}
