using System.Text.Json;
using Gateway.Api.Infrastructure;
using Gateway.Core.Errors;
using Gateway.Core.Json;
using Gateway.Core.Location;
using Gateway.Engine.Location;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.Endpoints;

/// <summary>/setup/location and /setup/dawnTime, /setup/duskTime (today or a given date), computed locally.</summary>
public static class LocationEndpoints
{
    public static void MapLocationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/setup/location", (LocationService location) =>
            Results.Json(location.Current, GatewayJsonContext.Relaxed.SetupLocation));

        api.MapPut("/setup/location", async (HttpContext context, LocationService location) =>
        {
            using var body = await RequestBody.ReadJsonAsync(context.Request, OverkizError.BadParameters("body must be JSON"));
            SetupLocation? update;
            try
            {
                update = body.RootElement.Deserialize(GatewayJsonContext.Relaxed.SetupLocation);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
            {
                throw new OverkizException(OverkizError.BadParameters("a location needs timezone, latitude and longitude of the right types"));
            }
            if (update is null) throw new OverkizException(OverkizError.BadParameters("a location is an object"));
            return Results.Json(await location.UpdateAsync(update, context.RequestAborted), GatewayJsonContext.Relaxed.SetupLocation);
        });

        api.MapGet("/setup/dawnTime", (LocationService location) => Sun(location.Dawn(location.Today())));
        api.MapGet("/setup/duskTime", (LocationService location) => Sun(location.Dusk(location.Today())));
        api.MapGet("/setup/dawnTime/{year}/{month}/{day}", (string year, string month, string day, LocationService location) =>
            Sun(location.Dawn(Date(year, month, day))));
        api.MapGet("/setup/duskTime/{year}/{month}/{day}", (string year, string month, string day, LocationService location) =>
            Sun(location.Dusk(Date(year, month, day))));
    }

    private static IResult Sun(SunEventTime time) => Results.Json(time, GatewayJsonContext.Relaxed.SunEventTime);

    private static DateOnly Date(string year, string month, string day) =>
        int.TryParse(year, out var y) && int.TryParse(month, out var m) && int.TryParse(day, out var d)
        && y is >= 1970 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : throw new OverkizException(OverkizError.BadParameters("not a date"));
}
