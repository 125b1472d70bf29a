using Gateway.Core.Licensing;
using Gateway.Engine.Licensing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Daemon.Licensing;

/// <summary>
/// <c>GET /gatewayd/licence</c> (bearer token like every route): the customer licence the cloud pushed, without its
/// encryption key (only whether one is held), with the paired device count and whether pairing is allowed now.
/// </summary>
public static class LicenceEndpoints
{
    public const string Path = "/gatewayd/licence";

    public static void MapLicenceEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (LicenceService licence) => Results.Json(licence.View(), LicenceJsonContext.Relaxed.LicenceView));
}
