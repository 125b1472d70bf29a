using Gateway.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// Whatever goes wrong in a request, the client gets an Overkiz error body with a message, never a stack trace:
/// a 4xx for what the request did wrong (unknown routes and wrong methods included); 507 Insufficient Storage when the
/// gateway's own storage fails (disk full, I/O error), so a client does not take it for its own mistake; and — only
/// for a fault of the gateway itself, which request readers never let client input reach — a 500, logged once.
/// </summary>
public sealed class OverkizErrorMiddleware(RequestDelegate next, ILogger<OverkizErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.HasStarted || context.Response.ContentLength > 0) return;
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
                await ErrorResults.WriteAsync(context, new OverkizError(404, "UNSPECIFIED_ERROR", "Unknown object."));
            else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
                await ErrorResults.WriteAsync(context, OverkizError.MethodNotAllowed(context.Request.Method, context.Response.Headers.Allow.ToString()));
        }
        catch (OverkizException ex)
        {
            await WriteIfPossible(context, ex.Error);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogError("Request {Method} {Path} refused: {Cause}", context.Request.Method, context.Request.Path, ex.Message);
            await WriteIfPossible(context, OverkizError.StorageFull());
        }
        catch (BadHttpRequestException ex)
        {
            var error = ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? OverkizError.BodyTooLarge(RequestBody.LimitOf(context))
                : OverkizError.BadParameters(string.IsNullOrEmpty(ex.Message) ? "bad request" : ex.Message);
            await WriteIfPossible(context, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Request {Method} {Path} failed with an internal error", context.Request.Method, context.Request.Path);
            await WriteIfPossible(context, OverkizError.Internal());
        }
    }

    private static async Task WriteIfPossible(HttpContext context, OverkizError error)
    {
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        await ErrorResults.WriteAsync(context, error);
    }
}
