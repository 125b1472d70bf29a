using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// Collapses runs of slashes in the request path before routing. pyoverkiz joins its endpoint, which ends in
/// <c>enduserAPI/</c>, with <c>/exec/current/setup/{id}</c> when it cancels, so the box receives <c>enduserAPI//exec/…</c>;
/// a TaHoma box's servlet container treats both spellings alike, and so must the gateway.
/// </summary>
public sealed class RepeatedSlashMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.Contains("//", StringComparison.Ordinal))
            context.Request.Path = new PathString(Collapse(path));
        return next(context);
    }

    public static string Collapse(string path)
    {
        var result = new System.Text.StringBuilder(path.Length);
        foreach (var character in path)
        {
            if (character == '/' && result.Length > 0 && result[^1] == '/') continue;
            result.Append(character);
        }
        return result.ToString();
    }
}
