using System.Text.Json;
using Gateway.Api.Contracts;
using Gateway.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Infrastructure;

public static class ErrorResults
{
    public static IResult From(OverkizError error) =>
        Results.Json(new ErrorResponse(error.Error, error.ErrorCode), ApiJsonContext.Default.ErrorResponse, statusCode: error.Status);

    public static Task WriteAsync(HttpContext context, OverkizError error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new ErrorResponse(error.Error, error.ErrorCode), ApiJsonContext.Default.ErrorResponse);
    }
}
