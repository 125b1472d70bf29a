using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Limits;
using Gateway.Engine.Places;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>/setup/places: the tree of the home's places (rooms, floors) under the root place.</summary>
public static class PlaceEndpoints
{
    public static void MapPlaceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/setup/places", (PlaceService places) => Results.Json(places.Root(), GatewayJsonContext.Relaxed.Place));
        api.MapGet("/setup/places/{placeOid}", (string placeOid, PlaceService places) => Results.Json(places.Get(placeOid), GatewayJsonContext.Relaxed.Place));
        api.MapPost("/setup/places/{parentPlaceOid}/subPlaces", async (string parentPlaceOid, HttpContext context, PlaceService places) =>
        {
            places.Get(parentPlaceOid);
            var settings = await ReadSettingsAsync(context, null);
            var oid = await places.CreateAsync(parentPlaceOid, settings.Label, settings.Type, settings.Metadata, context.RequestAborted);
            return Results.Json(new PlaceOidResponse(oid), DeviceManagementJsonContext.Relaxed.PlaceOidResponse, statusCode: StatusCodes.Status201Created);
        });
        api.MapPut("/setup/places/{placeOid}", async (string placeOid, HttpContext context, PlaceService places) =>
        {
            var current = places.Get(placeOid);
            var settings = await ReadSettingsAsync(context, new PlaceSettings(current.Label, current.Type, current.Metadata));
            await places.UpdateAsync(placeOid, settings.Label, settings.Type, settings.Metadata, context.RequestAborted);
            return Results.Ok();
        });
        api.MapDelete("/setup/places/{placeOid}", async (string placeOid, HttpContext context, PlaceService places) =>
        {
            await places.DeleteAsync(placeOid, context.RequestAborted);
            return Results.NoContent();
        });
        api.MapPut("/setup/places/{placeOid}/parent/{newParentPlaceOid}", async (string placeOid, string newParentPlaceOid, HttpContext context, PlaceService places) =>
        {
            await places.MoveAsync(placeOid, newParentPlaceOid, context.RequestAborted);
            return Results.Ok();
        });
    }

    private sealed record PlaceSettings(string Label, int Type, string? Metadata);

    /// <summary>
    /// The place settings body (label, type, metadata). Creating needs a label; updating keeps what the body leaves
    /// out (<paramref name="current"/>).
    /// </summary>
    private static async Task<PlaceSettings> ReadSettingsAsync(HttpContext context, PlaceSettings? current)
    {
        using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("the body is not a JSON object of place settings"));
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new OverkizException(OverkizError.BadParameters("the body is not a JSON object of place settings"));

        string? label = current?.Label;
        if (root.TryGetProperty("label", out var labelValue))
            label = labelValue.ValueKind == JsonValueKind.String ? labelValue.GetString() : throw new OverkizException(OverkizError.BadParameters("the label is not a string"));
        if (label is null) throw new OverkizException(OverkizError.BadParameters("a place needs a label"));

        var type = current?.Type ?? 0;
        if (root.TryGetProperty("type", out var typeValue)) type = PlaceService.ParseType(typeValue);

        var metadata = current?.Metadata;
        if (root.TryGetProperty("metadata", out var metadataValue))
        {
            metadata = metadataValue.ValueKind switch
            {
                JsonValueKind.String => metadataValue.GetString(),
                JsonValueKind.Null => null,
                _ => throw new OverkizException(OverkizError.BadParameters("the metadata is not a string")),
            };
            if (metadata?.Length > ApiLimits.MaxStringLength) throw new OverkizException(OverkizError.LimitExceeded("metadata", ApiLimits.MaxStringLength, "characters"));
        }
        return new PlaceSettings(label, type, metadata);
    }
}
