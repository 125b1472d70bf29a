using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Api.Contracts;
using Gateway.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Infrastructure;

public static class ErrorResults
{
    /// <summary>Relaxed escaping: quotes inside messages are written as \" like a box does, not as \u0022.</summary>
    private static JsonTypeInfo<ErrorResponse> ErrorJson => ApiJsonContext.Relaxed.ErrorResponse;

    public static IResult From(OverkizError error) =>
        Results.Json(Body(error), ErrorJson, statusCode: error.Status);

    public static Task WriteAsync(HttpContext context, OverkizError error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(Serialize(error)).AsTask();
    }

    public static byte[] Serialize(OverkizError error) => JsonSerializer.SerializeToUtf8Bytes(Body(error), ErrorJson);

    private static ErrorResponse Body(OverkizError error) => new(error.Error, error.ErrorCode);
}
