using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Limits;
using Gateway.Core.Model;
using Gateway.Engine.Devices;
using Gateway.Engine.Places;
using Gateway.Engine.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Api.Endpoints;

/// <summary>
/// Managing the devices of the setup: renaming, moving to a place, metadata, attributes, the controllable, cascading
/// removal and state refresh. The routes under a deviceURL arrive through the catch-all handlers of
/// <see cref="SetupEndpoints"/> (deviceURLs hold slashes) and are matched here on what follows the deviceURL.
/// </summary>
public static class DeviceManagementEndpoints
{
    public static void MapDeviceManagementEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/setup/devices/controllables", (DeviceRegistry registry) =>
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>> byControllable = registry.All()
                .GroupBy(d => d.ControllableName, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => d.DeviceUrl).ToList(), StringComparer.Ordinal);
            return Results.Json(byControllable, DeviceManagementJsonContext.Relaxed.IReadOnlyDictionaryStringIReadOnlyListString);
        });
        api.MapPut("/setup/devices/states/refresh", async (HttpContext context, DeviceStateRefresh refresh) =>
        {
            await refresh.RefreshAllAsync(null, OwnerOf(context), context.RequestAborted);
            return Results.Ok();
        });
        api.MapPost("/setup/devices/states/refresh", async (HttpContext context, DeviceStateRefresh refresh) =>
        {
            await refresh.RefreshAllAsync(await ReadUrlListAsync(context), OwnerOf(context), context.RequestAborted);
            return Results.Ok();
        });
        api.MapPut("/setup/devices/{**rest}", (HttpContext context, DeviceRegistry registry) => PutAsync(context, registry));
    }

    /// <summary>GET …/{deviceURL}/attributes[/{name}] and …/controllable; null for anything else (states, the device itself).</summary>
    public static IResult? TryGet(HttpContext context, DeviceRegistry registry, string rawRest)
    {
        if (DeviceSubPath.Resolve(rawRest, url => registry.Find(url) is not null) is not { } path)
        {
            if (rawRest.EndsWith("/attributes", StringComparison.Ordinal) || rawRest.EndsWith("/controllable", StringComparison.Ordinal))
                throw new OverkizException(OverkizError.NoSuchDevice(Shorten(DeviceSubPath.Guess(rawRest, 1))));
            return null;
        }
        var device = registry.Find(path.DeviceUrl)!;
        return path.Operation switch
        {
            ["attributes"] => Results.Json(device.Attributes, GatewayJsonContext.Relaxed.IReadOnlyListDeviceState),
            ["attributes", var name] => Results.Json(device.Attributes.FirstOrDefault(a => a.Name == name) ?? throw new OverkizException(OverkizError.UnknownObject()),
                GatewayJsonContext.Relaxed.DeviceState),
            ["controllable"] => Results.Json(device.Definition, GatewayJsonContext.Relaxed.DeviceDefinition),
            _ => null,
        };
    }

    /// <summary>POST …/{deviceURL}/_deleteCascade and …/states/refresh; null for anything else.</summary>
    public static async Task<IResult?> TryPostAsync(HttpContext context, string rawRest)
    {
        var services = context.RequestServices;
        var registry = services.GetRequiredService<DeviceRegistry>();
        if (DeviceSubPath.Resolve(rawRest, url => registry.Find(url) is not null) is not { } path)
        {
            if (rawRest.EndsWith("/_deleteCascade", StringComparison.Ordinal)) throw new OverkizException(OverkizError.NoSuchDevice(Shorten(DeviceSubPath.Guess(rawRest, 1))));
            if (rawRest.EndsWith("/states/refresh", StringComparison.Ordinal)) throw new OverkizException(OverkizError.NoSuchDevice(Shorten(DeviceSubPath.Guess(rawRest, 2))));
            return null;
        }
        switch (path.Operation)
        {
            case ["_deleteCascade"]:
                return await DeleteCascadeAsync(context, path.DeviceUrl, registry, services.GetRequiredService<DeviceCascadeRemoval>());
            case ["states", "refresh"]:
                await services.GetRequiredService<DeviceStateRefresh>().RefreshAsync(path.DeviceUrl, OwnerOf(context), context.RequestAborted);
                return Results.Ok();
            default:
                return null;
        }
    }

    private static async Task<IResult> PutAsync(HttpContext context, DeviceRegistry registry)
    {
        var rawRest = SetupEndpoints.RawRestOf(context);
        var services = context.RequestServices;
        if (DeviceSubPath.Resolve(rawRest, url => registry.Find(url) is not null) is not { } path)
            throw new OverkizException(OverkizError.NoSuchDevice(Shorten(DeviceSubPath.Guess(rawRest, 1))));
        var url = path.DeviceUrl;
        switch (path.Operation)
        {
            case ["relocate", var placeOid]:
                await services.GetRequiredService<PlaceService>().RelocateDeviceAsync(url, placeOid, context.RequestAborted);
                return Results.Ok();
            case ["metadata"] when HasBody(context.Request):
                registry.SetMetadata(url, await ReadMetadataAsync(context));
                return Results.Ok();
            case [var label]:
                registry.Rename(url, SetupLabel.Check(label));
                return Results.Ok();
            case [var label, "subSystems"]:
                RenameSubsystems(registry, url, SetupLabel.Check(label));
                return Results.Ok();
            case [var label, var category]:
                var device = registry.Find(url)!;
                if (device.Definition.Type != "SENSOR")
                    throw new OverkizException(OverkizError.BadParameters($"{url} is not a sensor; only sensors have a measurement category"));
                if (string.IsNullOrWhiteSpace(category) || category.Length > ApiLimits.MaxNameLength)
                    throw new OverkizException(OverkizError.BadParameters("the measurement category is empty or too long"));
                registry.RenameWithCategory(url, SetupLabel.Check(label), category);
                return Results.Ok();
            default:
                throw new OverkizException(new OverkizError(404, "UNSPECIFIED_ERROR", "Unknown object."));
        }
    }

    /// <summary>All subsystems of the device's address get the label with their number (label-1, label-2, …); a device without subsystems just the label.</summary>
    private static void RenameSubsystems(DeviceRegistry registry, string deviceUrl, string label)
    {
        var siblings = SubsystemsOf(registry, deviceUrl);
        if (siblings.Count <= 1)
        {
            registry.Rename(deviceUrl, label);
            return;
        }
        foreach (var sibling in siblings)
        {
            var numbered = $"{label}-{DeviceUrl.Parse(sibling).SubsystemId ?? 0}";
            registry.Rename(sibling, SetupLabel.Check(numbered));
        }
    }

    /// <summary>The device and the other subsystems of the same address (protocol://gateway/address#n), ordered by number.</summary>
    public static IReadOnlyList<string> SubsystemsOf(DeviceRegistry registry, string deviceUrl)
    {
        var url = DeviceUrl.Parse(deviceUrl);
        return registry.All()
            .Select(d => DeviceUrl.TryParse(d.DeviceUrl, out var other) ? (d.DeviceUrl, Parsed: other) : (d.DeviceUrl, Parsed: default))
            .Where(p => p.Parsed.Protocol == url.Protocol && p.Parsed.GatewayId == url.GatewayId && p.Parsed.Address == url.Address)
            .OrderBy(p => p.Parsed.SubsystemId ?? 0)
            .Select(p => p.DeviceUrl)
            .ToList();
    }

    private static async Task<IResult> DeleteCascadeAsync(HttpContext context, string deviceUrl, DeviceRegistry registry, DeviceCascadeRemoval cascade)
    {
        bool forced = false, deleteAllSubSystems = true, deleteEmptyCalendarDays = false;
        if (HasBody(context.Request))
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("the body is not a JSON object of deletion options"));
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                forced = Flag(body.RootElement, "forced", forced);
                deleteAllSubSystems = Flag(body.RootElement, "deleteAllSubSystems", deleteAllSubSystems);
                deleteEmptyCalendarDays = Flag(body.RootElement, "deleteEmptyCalendarDays", deleteEmptyCalendarDays);
            }
        }
        IReadOnlyList<string> urls = deleteAllSubSystems
            ? [deviceUrl, .. SubsystemsOf(registry, deviceUrl).Where(u => u != deviceUrl)]
            : [deviceUrl];
        try
        {
            var outcome = await cascade.RemoveAsync(urls, forced, deleteEmptyCalendarDays, context.RequestAborted)
                          ?? throw new OverkizException(OverkizError.NoSuchDevice(deviceUrl));
            return Results.Json(new JobIdResponse(outcome.JobId), DeviceManagementJsonContext.Relaxed.JobIdResponse);
        }
        catch (Gateway.Core.Radio.RadioCommandException ex)
        {
            throw new OverkizException(new OverkizError(400, "UNSPECIFIED_ERROR", $"\"The device could not be removed: {ex.Message}\""));
        }
    }

    private static bool Flag(JsonElement body, string name, bool otherwise) =>
        body.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : otherwise;

    private static async Task<string?> ReadMetadataAsync(HttpContext context)
    {
        using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("the body is not a JSON object with metadata"));
        if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("metadata", out var value))
            throw new OverkizException(OverkizError.BadParameters("the body has no metadata"));
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw new OverkizException(OverkizError.BadParameters("the metadata is not a string")),
        };
    }

    /// <summary>PUT /setup/metadata's body: the same {"metadata": "…"} object as a device's.</summary>
    public static async Task<string> ReadSetupMetadataAsync(HttpContext context) => await ReadMetadataAsync(context) ?? "";

    /// <summary>The optional body of POST /setup/devices/states/refresh: the deviceURLs to refresh, or none for all.</summary>
    private static async Task<IReadOnlyList<string>?> ReadUrlListAsync(HttpContext context)
    {
        if (!HasBody(context.Request)) return null;
        using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("the body is not a JSON array of deviceURLs"));
        if (body.RootElement.ValueKind != JsonValueKind.Array) throw new OverkizException(OverkizError.BadParameters("the body is not a JSON array of deviceURLs"));
        var urls = new List<string>();
        foreach (var item in body.RootElement.EnumerateArray())
            urls.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new OverkizException(OverkizError.BadParameters("the body is not a JSON array of deviceURLs")));
        return urls.Count == 0 ? null : urls;
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;

    private static string OwnerOf(HttpContext context) => BearerTokenMiddleware.TokenOf(context)?.Label ?? "local";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
