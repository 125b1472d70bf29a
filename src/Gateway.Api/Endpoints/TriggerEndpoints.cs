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
/// /triggers: create, update, read, list (all or by type), delete, activation mode, status, test, and the gateway-wide
/// switch (GET/PUT /triggers/status). If-then and discrete triggers run in <see cref="TriggerEngine"/>. Types this
/// gateway does not run are refused with a 400 naming them.
/// </summary>
public static class TriggerEndpoints
{
    public static void MapTriggerEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/triggers", (TriggerCatalog catalog) => Envelopes(catalog.All(type: null)));

        api.MapPost("/triggers", async (HttpContext context, TriggerCatalog catalog) =>
        {
            var draft = await ReadAsync(context);
            var (oid, id) = await catalog.CreateAsync(draft, Flag(context, "allowExecuteOnCreate"), context.RequestAborted);
            return Results.Json(new SetupTriggerIdResponse(id, oid), AutomationJsonContext.Relaxed.SetupTriggerIdResponse, statusCode: StatusCodes.Status201Created);
        });

        api.MapPut("/triggers", async (HttpContext context, TriggerCatalog catalog) =>
        {
            var draft = await ReadAsync(context);
            if (string.IsNullOrEmpty(draft.Oid)) throw new OverkizException(AutomationEndpoints.Malformed("setup trigger"));
            return Results.Json(await catalog.UpdateAsync(draft, context.RequestAborted), AutomationJsonContext.Relaxed.SetupTriggerEnvelope);
        });

        api.MapPost("/triggers/test", async (HttpContext context, TriggerCatalog catalog) =>
        {
            await catalog.TestAsync(await ReadAsync(context), context.RequestAborted);
            return Results.Ok();
        });

        api.MapPut("/triggers/test/discrete/{oid}", async (string oid, HttpContext context, TriggerEngine triggers) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, AutomationEndpoints.Malformed("discrete trigger test"));
            var request = AutomationRequestReader.Read(body.RootElement, AutomationJsonContext.Relaxed.DiscreteTestRequest, "discrete trigger test");
            await triggers.TestDiscreteAsync(oid, request.TargetValue ?? "", context.RequestAborted);
            return Results.Ok();
        });

        api.MapGet("/triggers/status", (TriggerSwitch triggerSwitch) =>
            Results.Json(new TriggersSwitch { Enabled = triggerSwitch.Enabled }, AutomationJsonContext.Relaxed.TriggersSwitch));

        api.MapPut("/triggers/status", async (HttpContext context, TriggerSwitch triggerSwitch) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, AutomationEndpoints.Malformed("trigger status"));
            if (body.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !body.RootElement.TryGetProperty("enabled", out var enabled) || enabled.ValueKind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                throw new OverkizException(OverkizError.BadParameters("the trigger status is {\"enabled\": true|false}"));
            await triggerSwitch.SetAsync(enabled.GetBoolean(), context.RequestAborted);
            return Results.Ok();
        });

        api.MapGet("/triggers/{type}", (string type, TriggerCatalog catalog) =>
            Envelopes(catalog.All(KnownType(type))));

        api.MapGet("/triggers/{type}/status", async (string type, HttpContext context, TriggerCatalog catalog) =>
            Results.Json(await catalog.StatusesAsync(KnownType(type), context.RequestAborted), AutomationJsonContext.Relaxed.IReadOnlyListSetupTriggerStatus));

        api.MapGet("/triggers/{type}/{oid}", (string type, string oid, TriggerCatalog catalog) =>
            Results.Json(catalog.Find(Supported(type), oid), AutomationJsonContext.Relaxed.SetupTriggerEnvelope));

        api.MapDelete("/triggers/{type}/{oid}", async (string type, string oid, HttpContext context, TriggerCatalog catalog) =>
        {
            await catalog.DeleteAsync(Supported(type), oid, context.RequestAborted);
            return Results.NoContent();
        });

        api.MapPut("/triggers/{type}/{oid}/activation/{mode}", async (string type, string oid, string mode, HttpContext context, TriggerCatalog catalog) =>
        {
            if (!int.TryParse(mode, out var value)) throw new OverkizException(OverkizError.BadParameters("mode is 1 (always on), 2 (off) or 3 (scheduled)"));
            await catalog.SetModeAsync(Supported(type), oid, value, Flag(context, "allowExecuteOnUpdate"), context.RequestAborted);
            return Results.Ok();
        });

        api.MapGet("/triggers/{type}/{oid}/status", async (string type, string oid, HttpContext context, TriggerCatalog catalog) =>
            Results.Json(await catalog.StatusAsync(Supported(type), oid, context.RequestAborted), AutomationJsonContext.Relaxed.SetupTriggerStatus));
    }

    private static async Task<SetupTriggerEnvelope> ReadAsync(HttpContext context)
    {
        using var body = await RequestBody.ReadJsonAsync(context.Request, AutomationEndpoints.Malformed("setup trigger"), ApiLimits.LargeBodyBytes);
        return AutomationRequestReader.ReadSetupTrigger(body.RootElement);
    }

    /// <summary>A type of the API: known types this gateway does not run simply have no triggers; unknown ones are refused.</summary>
    private static string KnownType(string type)
    {
        if (!SetupTriggerTypes.Known.Contains(type)) AutomationRequestReader.CheckType(type);
        return type;
    }

    private static string Supported(string type)
    {
        AutomationRequestReader.CheckType(type);
        return type;
    }

    private static IResult Envelopes(IReadOnlyList<SetupTriggerEnvelope> triggers) =>
        Results.Json(triggers, AutomationJsonContext.Relaxed.IReadOnlyListSetupTriggerEnvelope);

    private static bool Flag(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) && bool.TryParse(value.ToString(), out var flag) && flag;
}
