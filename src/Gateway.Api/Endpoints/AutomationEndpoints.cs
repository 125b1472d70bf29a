using Gateway.Api.Infrastructure;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Engine.Automation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>
/// /conditionGroups (create, update, read, delete, evaluate) and /triggers for if-then triggers (create, update, read,
/// delete, activation mode, status, test). Other trigger types are refused with a 400 naming the type.
/// </summary>
public static class AutomationEndpoints
{
    public static void MapAutomationEndpoints(this IEndpointRouteBuilder api)
    {
        MapConditionGroups(api);
        MapTriggers(api);
    }

    private static void MapConditionGroups(IEndpointRouteBuilder api)
    {
        api.MapGet("/conditionGroups", (ConditionGroupService groups) =>
            Results.Json(groups.All(), AutomationJsonContext.Default.IReadOnlyListConditionGroup));

        api.MapGet("/conditionGroups/{oid}", (string oid, ConditionGroupService groups) =>
            Results.Json(groups.Find(oid) ?? throw new OverkizException(OverkizError.UnknownObject()), AutomationJsonContext.Default.ConditionGroup));

        api.MapGet("/conditionGroups/{oid}/evaluate", (string oid, ConditionGroupService groups) =>
            Results.Json(groups.Evaluate(oid), AutomationJsonContext.Default.ConditionGroupEvaluation));

        api.MapPost("/conditionGroups", async (HttpContext context, ConditionGroupService groups) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, Malformed("condition group"));
            var group = await groups.CreateAsync(AutomationRequestReader.ReadConditionGroup(body.RootElement), context.RequestAborted);
            return Results.Json(new ConditionGroupOidResponse(group.Oid), AutomationJsonContext.Default.ConditionGroupOidResponse, statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/conditionGroups", async (HttpContext context, ConditionGroupService groups) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, Malformed("condition group"));
            var draft = AutomationRequestReader.ReadConditionGroup(body.RootElement);
            if (string.IsNullOrEmpty(draft.Oid)) throw new OverkizException(Malformed("condition group"));
            var group = await groups.UpdateAsync(draft, context.RequestAborted);
            return Results.Json(group, AutomationJsonContext.Default.ConditionGroup);
        });

        api.MapDelete("/conditionGroups/{oid}", async (string oid, HttpContext context, ConditionGroupService groups) =>
        {
            await groups.DeleteAsync(oid, context.RequestAborted);
            return Results.NoContent();
        });
    }

    private static void MapTriggers(IEndpointRouteBuilder api)
    {
        api.MapGet("/triggers", (TriggerEngine triggers) => Envelopes(triggers.All()));

        api.MapPost("/triggers", async (HttpContext context, TriggerEngine triggers) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, Malformed("setup trigger"));
            var draft = AutomationRequestReader.ReadTrigger(body.RootElement) with { Oid = null };
            var trigger = await triggers.CreateAsync(draft, Flag(context, "allowExecuteOnCreate"), context.RequestAborted);
            return Results.Json(new SetupTriggerIdResponse(trigger.Id ?? trigger.Oid!, trigger.Oid!), AutomationJsonContext.Default.SetupTriggerIdResponse,
                statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/triggers", async (HttpContext context, TriggerEngine triggers) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, Malformed("setup trigger"));
            var draft = AutomationRequestReader.ReadTrigger(body.RootElement);
            if (string.IsNullOrEmpty(draft.Oid)) throw new OverkizException(Malformed("setup trigger"));
            var trigger = await triggers.UpdateAsync(draft, context.RequestAborted);
            return Results.Json(new SetupTriggerEnvelope(trigger), AutomationJsonContext.Default.SetupTriggerEnvelope);
        });

        api.MapPost("/triggers/test", async (HttpContext context, TriggerEngine triggers) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, Malformed("setup trigger"));
            await triggers.TestAsync(AutomationRequestReader.ReadTrigger(body.RootElement), context.RequestAborted);
            return Results.Ok();
        });

        api.MapGet("/triggers/status", async (HttpContext context, TriggerEngine triggers) =>
            Results.Json(await triggers.StatusesAsync(context.RequestAborted), AutomationJsonContext.Default.IReadOnlyListSetupTriggerStatus));

        api.MapGet("/triggers/{type}", (string type, TriggerEngine triggers) =>
            IsIfThen(type) ? Envelopes(triggers.All()) : Envelopes([]));

        api.MapGet("/triggers/{type}/status", async (string type, HttpContext context, TriggerEngine triggers) =>
            Results.Json(IsIfThen(type) ? await triggers.StatusesAsync(context.RequestAborted) : [], AutomationJsonContext.Default.IReadOnlyListSetupTriggerStatus));

        api.MapGet("/triggers/{type}/{oid}", (string type, string oid, TriggerEngine triggers) =>
        {
            AutomationRequestReader.CheckType(type);
            var trigger = triggers.Find(oid) ?? throw new OverkizException(OverkizError.UnknownObject());
            return Results.Json(new SetupTriggerEnvelope(trigger), AutomationJsonContext.Default.SetupTriggerEnvelope);
        });

        api.MapDelete("/triggers/{type}/{oid}", async (string type, string oid, HttpContext context, TriggerEngine triggers) =>
        {
            AutomationRequestReader.CheckType(type);
            await triggers.DeleteAsync(oid, context.RequestAborted);
            return Results.NoContent();
        });

        api.MapPut("/triggers/{type}/{oid}/activation/{mode}", async (string type, string oid, string mode, HttpContext context, TriggerEngine triggers) =>
        {
            AutomationRequestReader.CheckType(type);
            if (!int.TryParse(mode, out var value)) throw new OverkizException(OverkizError.BadParameters("mode is 1 (always on), 2 (off) or 3 (scheduled)"));
            await triggers.SetModeAsync(oid, value, Flag(context, "allowExecuteOnUpdate"), context.RequestAborted);
            return Results.Ok();
        });

        api.MapGet("/triggers/{type}/{oid}/status", async (string type, string oid, HttpContext context, TriggerEngine triggers) =>
        {
            AutomationRequestReader.CheckType(type);
            return Results.Json(await triggers.StatusAsync(oid, context.RequestAborted), AutomationJsonContext.Default.SetupTriggerStatus);
        });
    }

    /// <summary>Known types this gateway does not run simply have no triggers to list; unknown ones are refused.</summary>
    private static bool IsIfThen(string type)
    {
        if (type == SetupTriggerTypes.IfThen) return true;
        if (!SetupTriggerTypes.Known.Contains(type)) AutomationRequestReader.CheckType(type);
        return false;
    }

    private static IResult Envelopes(IReadOnlyList<IfThenSetupTrigger> triggers) =>
        Results.Json(triggers.Select(t => new SetupTriggerEnvelope(t)).ToList(), AutomationJsonContext.Default.IReadOnlyListSetupTriggerEnvelope);

    private static bool Flag(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) && bool.TryParse(value.ToString(), out var flag) && flag;

    private static OverkizError Malformed(string what) => OverkizError.BadParameters($"malformed {what}");
}
