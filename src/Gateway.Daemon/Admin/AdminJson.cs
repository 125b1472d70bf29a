using System.Text.Json;
using Gateway.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Gateway.Daemon.Admin;

/// <summary>Answers of the admin socket, written by hand: small, AOT-clean, and read by gatewayctl as documents.</summary>
public static class AdminJson
{
    public static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> body, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            body(writer);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static Task WriteBytesAsync(HttpContext context, byte[] json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    /// <summary>The Overkiz error body the REST API uses, so gatewayctl prints one kind of error.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string errorCode, string message) =>
        WriteAsync(context, w =>
        {
            w.WriteStartObject();
            w.WriteString("errorCode", errorCode);
            w.WriteString("error", message);
            w.WriteEndObject();
        }, status);

    public static Task WriteErrorAsync(HttpContext context, OverkizError error) =>
        WriteErrorAsync(context, error.Status, error.ErrorCode, error.Error ?? error.ErrorCode);

    public static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
