using System.Text.Json;
using Gateway.Core.Errors;
using Gateway.Core.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Api.Infrastructure;

public static class RequestBody
{
    private const string LimitItem = "gateway.bodyLimit";

    /// <summary>
    /// Reads the body as JSON within <paramref name="maxBytes"/> (the route's limit) and <see cref="ApiLimits"/>;
    /// anything that is not JSON becomes <paramref name="malformed"/>, anything too big a 400 naming the limit.
    /// </summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, OverkizError malformed, long maxBytes = ApiLimits.DefaultBodyBytes)
    {
        if (request.ContentLength > maxBytes) throw new OverkizException(OverkizError.BodyTooLarge(maxBytes));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
            request.HttpContext.Items[LimitItem] = maxBytes;
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = ApiLimits.MaxJsonDepth }, request.HttpContext.RequestAborted);
        }
        // "The maximum configured depth…", or its resource key (ArrayDepthTooLarge…) in the published daemon.
        catch (JsonException ex) when (ex.Message.Contains("DepthTooLarge", StringComparison.Ordinal)
                                       || ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new OverkizException(OverkizError.LimitExceeded("the nesting of the body", ApiLimits.MaxJsonDepth, "levels"));
        }
        catch (JsonException)
        {
            throw new OverkizException(malformed);
        }
        try
        {
            JsonBodyLimits.Check(document.RootElement);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The body limit of the route that read the body, for the error of a body cut off by the server.</summary>
    public static long LimitOf(HttpContext context) =>
        context.Items[LimitItem] is long limit ? limit : ApiLimits.ServerBodyBytes;
}
