using System.Text.Json;
using Gateway.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Infrastructure;

public static class RequestBody
{
    /// <summary>Reads the body as JSON; anything that is not JSON becomes <paramref name="malformed"/>.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, OverkizError malformed)
    {
        if (request.ContentLength > ApiPaths.MaxBodyBytes) throw new OverkizException(OverkizError.BodyTooLarge(ApiPaths.MaxBodyBytes));
        try
        {
            return await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            throw new OverkizException(malformed);
        }
    }
}
