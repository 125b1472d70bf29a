using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Api.OpenApi;

/// <summary>
/// The OpenAPI 3 description of everything the daemon serves: a document checked in beside this file, embedded in
/// the assembly and served as it is (no reflection, nothing generated at run time). Open like <c>/apiVersion</c>:
/// it is the same on every box and holds nothing of the home.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/gatewayd/openapi.json";

    private const string ResourceName = "Gateway.Api.OpenApi.gatewayd.openapi.json";

    public static ReadOnlyMemory<byte> Bytes => field.IsEmpty ? field = Load() : field;

    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, () => Results.Bytes(Bytes, "application/json"));

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly lacks its embedded {ResourceName}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
