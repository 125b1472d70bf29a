using Gateway.Api.Endpoints;
using Gateway.Api.Infrastructure;
using Gateway.Api.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Api;

/// <summary>Wires the local API into a web application: error handling, bearer tokens, and every endpoint group.</summary>
public static class GatewayApi
{
    public static IServiceCollection AddGatewayApi(this IServiceCollection services) =>
        services.AddSingleton<TokenAuthenticator>().AddSingleton<DeviceListCache>().AddSingleton<RequestMetrics>();

    public static RouteGroupBuilder MapGatewayApi(this WebApplication app)
    {
        app.UseMiddleware<RequestMetrics.Middleware>();
        app.UseMiddleware<RepeatedSlashMiddleware>();
        app.UseMiddleware<OverkizErrorMiddleware>();
        app.UseMiddleware<BearerTokenMiddleware>();
        app.UseWebSockets();
        app.UseRouting();
        app.MapOpenApiDocument();
        var api = app.MapGroup(ApiPaths.Prefix);
        api.MapSetupEndpoints();
        api.MapEventEndpoints();
        api.MapEventStreamEndpoints();
        api.MapExecutionEndpoints();
        api.MapHistoryEndpoints();
        api.MapEnOceanConfigEndpoints();
        api.MapZigbeeConfigEndpoints();
        api.MapIoConfigEndpoints();
        api.MapZWaveConfigEndpoints();
        api.MapActionGroupEndpoints();
        api.MapLocationEndpoints();
        api.MapCalendarEndpoints();
        api.MapAutomationEndpoints();
        return api;
    }
}
