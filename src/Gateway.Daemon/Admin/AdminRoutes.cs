using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary>
/// <c>GET /admin/v1/routes</c>: every HTTP route the running daemon serves, read from its endpoint table, as
/// <c>[{"method":"GET","path":"/…"}]</c>. CI compares it with the OpenAPI document; a technician can see what this
/// build and configuration (radios) actually expose.
/// </summary>
public static class AdminRoutes
{
    public static Task ListAsync(HttpContext context)
    {
        var source = context.RequestServices.GetRequiredService<EndpointDataSource>();
        var routes = new SortedSet<(string Path, string Method)>();
        foreach (var endpoint in source.Endpoints)
        {
            if (endpoint is not RouteEndpoint route) continue;
            var path = "/" + (route.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods) routes.Add((path, method));
        }
        return AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartArray();
            foreach (var (path, method) in routes)
            {
                w.WriteStartObject();
                w.WriteString("method", method);
                w.WriteString("path", path);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }
}
