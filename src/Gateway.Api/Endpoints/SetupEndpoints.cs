using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Model;
using Gateway.Engine.Devices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>/apiVersion, /setup, /setup/gateways and everything under /setup/devices (reading and removing devices; the rest in <see cref="DeviceManagementEndpoints"/>).</summary>
public static class SetupEndpoints
{
    private const string DevicesPath = ApiPaths.Prefix + "/setup/devices/";

    public static void MapSetupEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/apiVersion", () =>
            Results.Json(new ApiVersionResponse(SetupIdentity.ProtocolVersion), ApiJsonContext.Relaxed.ApiVersionResponse));
        api.MapGet("/setup", (DeviceListCache cache) => new PacedJsonBytes(cache.SetupJson()));
        api.MapGet("/setup/gateways", (DeviceListCache cache) =>
            Results.Json(cache.Gateways(), ApiJsonContext.Relaxed.IReadOnlyListGatewayView));
        api.MapPlaceEndpoints();
        api.MapDeviceManagementEndpoints();
        api.MapSetupInfoEndpoints();
        api.MapGet("/setup/devices", (DeviceListCache cache) => new PacedJsonBytes(cache.DevicesJson()));
        api.MapGet("/setup/devices/controllables/{controllableName}", (string controllableName, DeviceRegistry registry) =>
            Results.Json(registry.UrlsWithControllable(Uri.UnescapeDataString(controllableName)), ApiJsonContext.Relaxed.IReadOnlyListString));
        // deviceURLs hold slashes (encoded as %2F by well-behaved clients, raw by others), so the rest of the
        // path is taken apart by hand rather than by route templates.
        api.MapGet("/setup/devices/{**rest}", (HttpContext context, DeviceRegistry registry) => DeviceResource(context, registry));
        api.MapDelete("/setup/devices/{**rest}", (HttpContext context, DeviceRemoval removal) => DeleteDeviceAsync(context, removal, RestOf(context)));
        // Every POST under a deviceURL lands here (deviceURLs hold slashes); the operation is the last path segment.
        api.MapPost("/setup/devices/{**rest}", async (HttpContext context, DeviceRemoval removal) =>
        {
            if (await DeviceManagementEndpoints.TryPostAsync(context, RawRestOf(context)) is { } managed) return managed;
            var rest = RestOf(context);
            var slash = rest.LastIndexOf('/');
            return slash > 0 && rest[(slash + 1)..] == "_delete"
                ? await DeleteDeviceAsync(context, removal, rest[..slash])
                : throw new OverkizException(new OverkizError(404, "UNSPECIFIED_ERROR", "Unknown object."));
        });
    }

    private static string RestOf(HttpContext context) => Uri.UnescapeDataString(RawRestOf(context));

    /// <summary>The path after /setup/devices/ as received (still escaped), for <see cref="DeviceSubPath"/>.</summary>
    internal static string RawRestOf(HttpContext context)
    {
        var raw = context.Request.Path.Value ?? "";
        return raw.Length > DevicesPath.Length ? raw[DevicesPath.Length..] : "";
    }

    /// <summary>
    /// DELETE /setup/devices/{deviceURL} and POST …/_delete: 204 once the device is gone (its radio told, e.g. a Zigbee
    /// device asked to leave). The optional body's <c>forced</c> removes it even when its radio fails.
    /// </summary>
    private static async Task<IResult> DeleteDeviceAsync(HttpContext context, DeviceRemoval removal, string deviceUrl)
    {
        // DELETE /setup/devices itself: the list cannot be deleted.
        if (deviceUrl.Length == 0) throw new OverkizException(OverkizError.MethodNotAllowed(context.Request.Method, "GET"));
        if (!DeviceUrl.TryParse(deviceUrl, out _)) throw new OverkizException(OverkizError.NoSuchDevice(Shorten(deviceUrl)));
        var forced = false;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("the body is not a JSON object of deletion options"));
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("forced", out var value))
                forced = value.ValueKind == JsonValueKind.True;
        }
        try
        {
            if (!await removal.RemoveAsync(deviceUrl, forced, context.RequestAborted)) throw new OverkizException(OverkizError.NoSuchDevice(deviceUrl));
        }
        catch (Gateway.Core.Radio.RadioCommandException ex)
        {
            throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"The device could not be removed: {ex.Message}\""));
        }
        return Results.NoContent();
    }

    private static IResult DeviceResource(HttpContext context, DeviceRegistry registry)
    {
        if (DeviceManagementEndpoints.TryGet(context, registry, RawRestOf(context)) is { } managed) return managed;
        var rest = RestOf(context);
        if (StateHistoryRoute.TryParse(rest, out var history)) return StateHistoryEndpoints.Answer(context, registry, history);

        string deviceUrl;
        string? stateName = null;
        var listStates = false;
        var statesAt = rest.LastIndexOf("/states", StringComparison.Ordinal);
        if (statesAt > 0 && rest.Length == statesAt + "/states".Length)
        {
            deviceUrl = rest[..statesAt];
            listStates = true;
        }
        else if (statesAt > 0 && rest[statesAt + "/states".Length] == '/')
        {
            deviceUrl = rest[..statesAt];
            stateName = rest[(statesAt + "/states/".Length)..];
        }
        else
        {
            deviceUrl = rest;
        }

        if (!DeviceUrl.TryParse(deviceUrl, out _)) throw new OverkizException(OverkizError.NoSuchDevice(Shorten(deviceUrl)));
        var device = registry.Find(deviceUrl) ?? throw new OverkizException(OverkizError.NoSuchDevice(deviceUrl));

        if (listStates) return Results.Json(device.States, GatewayJsonContext.Relaxed.IReadOnlyListDeviceState);
        if (stateName is not null)
        {
            var state = device.FindState(stateName) ?? throw new OverkizException(OverkizError.UnknownObject());
            return Results.Json(state, GatewayJsonContext.Relaxed.DeviceState);
        }
        return Results.Json(device, GatewayJsonContext.Relaxed.Device);
    }

    /// <summary>Error messages echo what the client sent, but never an unbounded amount of it.</summary>
    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
