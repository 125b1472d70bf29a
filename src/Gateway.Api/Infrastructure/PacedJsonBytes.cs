using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Infrastructure;

/// <summary>
/// A pre-serialised JSON body written a slice at a time, each slice waiting for the connection to drain. Written in
/// one call, Kestrel would copy the whole body into its pinned buffer pool first, so N clients fetching a 300 KB
/// device list at once would pin N × 300 KB, and the pool keeps that memory long after the load has gone.
/// </summary>
public sealed class PacedJsonBytes(byte[] body) : IResult
{
    private const int SliceBytes = 16 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(httpContext.Request.Method)) return;
        var aborted = httpContext.RequestAborted;
        for (var offset = 0; offset < body.Length; offset += SliceBytes)
            await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(SliceBytes, body.Length - offset)), aborted);
    }
}
