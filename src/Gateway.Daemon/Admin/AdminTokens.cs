using System.Text.Json;
using Gateway.Api.Infrastructure;
using Gateway.Core.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Daemon.Admin;

/// <summary>
/// <c>gatewayctl token create|list|revoke</c>. Unlike <c>gatewayd token</c> (which works on the database beside
/// the daemon), a revocation here also empties the daemon's token cache, so the token stops working at once.
/// </summary>
public static class AdminTokens
{
    private const int MaxLabelLength = 64;

    public static async Task ListAsync(HttpContext context)
    {
        var tokens = await context.RequestServices.GetRequiredService<ITokenStore>().ListAsync(context.RequestAborted);
        await AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartArray();
            foreach (var token in tokens) WriteToken(w, token);
            w.WriteEndArray();
        });
    }

    public static async Task CreateAsync(HttpContext context)
    {
        using var body = await AdminJson.ReadBodyAsync(context);
        var label = body?.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()!.Trim() : "";
        if (label.Length is 0 or > MaxLabelLength)
        {
            await AdminJson.WriteErrorAsync(context, 400, "UNSPECIFIED_ERROR", $"a token needs a label of 1 to {MaxLabelLength} characters");
            return;
        }
        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds();
        var (info, secret) = await services.GetRequiredService<ITokenStore>().CreateAsync(label, now, context.RequestAborted);
        await AdminJson.WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", info.Id);
            w.WriteString("label", info.Label);
            w.WriteNumber("creationTime", info.CreationTime);
            w.WriteString("token", secret);
            w.WriteEndObject();
        });
    }

    /// <summary>By id, or by label when exactly one token carries it.</summary>
    public static async Task RevokeAsync(HttpContext context, string idOrLabel)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<ITokenStore>();
        var tokens = await store.ListAsync(context.RequestAborted);
        var matches = tokens.Where(t => t.Id == idOrLabel).ToList();
        if (matches.Count == 0) matches = tokens.Where(t => t.Label == idOrLabel).ToList();
        if (matches.Count != 1)
        {
            var why = matches.Count == 0 ? $"no token with id or label {idOrLabel}" : $"{matches.Count} tokens are labelled {idOrLabel}; revoke one by id";
            await AdminJson.WriteErrorAsync(context, matches.Count == 0 ? 404 : 409, "UNSPECIFIED_ERROR", why);
            return;
        }
        await store.RevokeAsync(matches[0].Id, context.RequestAborted);
        services.GetRequiredService<TokenAuthenticator>().Forget();
        await AdminJson.WriteAsync(context, w => WriteToken(w, matches[0]));
    }

    private static void WriteToken(Utf8JsonWriter w, ApiTokenInfo token)
    {
        w.WriteStartObject();
        w.WriteString("id", token.Id);
        w.WriteString("label", token.Label);
        w.WriteNumber("creationTime", token.CreationTime);
        w.WriteEndObject();
    }
}
