using Gateway.Core.Errors;
using Gateway.Core.Persistence;
using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Infrastructure;

/// <summary>Every route but <c>/apiVersion</c>, <c>/gatewayd/openapi.json</c> (and <c>/gatewayd/metrics</c> from loopback) needs <c>Authorization: Bearer &lt;token&gt;</c>, as on a TaHoma box.</summary>
public sealed class BearerTokenMiddleware(RequestDelegate next, TokenAuthenticator authenticator)
{
    private const string TokenItem = "gateway.token";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Equals(ApiPaths.Prefix + "/apiVersion", StringComparison.Ordinal)
            || context.Request.Path.Equals(OpenApi.OpenApiDocument.Path, StringComparison.Ordinal) || IsLocalScrape(context))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            await ErrorResults.WriteAsync(context, OverkizError.MissingAuthorizationToken());
            return;
        }
        const string scheme = "Bearer ";
        var secret = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        var token = secret.Length is > 0 and <= 256 ? await authenticator.AuthenticateAsync(secret, context.RequestAborted) : null;
        if (token is null)
        {
            await ErrorResults.WriteAsync(context, OverkizError.NotAuthenticated());
            return;
        }
        context.Items[TokenItem] = token;
        await next(context);
    }

    /// <summary>Prometheus on the box itself scrapes without a token; from the network the token is needed.</summary>
    private static bool IsLocalScrape(HttpContext context) =>
        context.Request.Path.Equals(ApiPaths.MetricsPath, StringComparison.Ordinal)
        && context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote);

    public static ApiTokenInfo? TokenOf(HttpContext context) => context.Items[TokenItem] as ApiTokenInfo;
}
