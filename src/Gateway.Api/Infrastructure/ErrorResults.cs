using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Api.Contracts;
using Gateway.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Infrastructure;

public static class ErrorResults
{
    /// <summary>
    /// The source-generated contract of the error body, with quotes inside messages written as \" like a box does,
    /// not as \u0022 (an encoder cannot be named in the source generator's options attribute).
    /// </summary>
    private static readonly JsonTypeInfo<ErrorResponse> BodyType = (JsonTypeInfo<ErrorResponse>)new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ApiJsonContext.Default,
    }.GetTypeInfo(typeof(ErrorResponse));

    public static IResult From(OverkizError error) =>
        Results.Json(Body(error), BodyType, statusCode: error.Status);

    public static Task WriteAsync(HttpContext context, OverkizError error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(Serialize(error)).AsTask();
    }

    public static byte[] Serialize(OverkizError error) => JsonSerializer.SerializeToUtf8Bytes(Body(error), BodyType);

    private static ErrorResponse Body(OverkizError error) => new(error.Error, error.ErrorCode);
}
