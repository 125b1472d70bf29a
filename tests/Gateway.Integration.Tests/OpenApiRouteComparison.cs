using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gateway.Integration.Tests;

/// <summary>
/// Compares the routes the daemon serves (its endpoint table, as <c>GET /admin/v1/routes</c> lists them) with the
/// operations of gatewayd.openapi.json, and says exactly what to add to or remove from the document.
/// A catch-all route (<c>/setup/devices/{**rest}</c>) counts as documented when the document lists at least one
/// operation of its method below it; the document's operations below a catch-all are served when the catch-all is
/// (their forms are requested one by one against the daemon in <see cref="OpenApiRouteTests"/>).
/// Operations marked <c>x-gatewayd-mapped-when</c> exist only with some configuration (a radio) and may be absent.
/// </summary>
public static partial class OpenApiRouteComparison
{
    public sealed record Route(string Method, string Path);

    public sealed record Differences(IReadOnlyList<Route> Undocumented, IReadOnlyList<Route> NotServed)
    {
        public bool None => Undocumented.Count == 0 && NotServed.Count == 0;

        public override string ToString()
        {
            var lines = new List<string>();
            if (Undocumented.Count > 0)
            {
                lines.Add("The daemon serves routes that src/Gateway.Api/OpenApi/gatewayd.openapi.json does not describe; add under \"paths\":");
                lines.AddRange(Undocumented.Select(r => $"  {r.Method} {r.Path}"));
            }
            if (NotServed.Count > 0)
            {
                lines.Add("gatewayd.openapi.json describes operations the daemon does not serve; remove them or fix their path (or mark them x-gatewayd-mapped-when):");
                lines.AddRange(NotServed.Select(r => $"  {r.Method} {r.Path}"));
            }
            return string.Join('\n', lines);
        }
    }

    public static Differences Compare(IReadOnlyList<Route> served, JsonElement document)
    {
        var operations = Operations(document).ToList();
        var catchAlls = served.Where(r => IsCatchAll(r.Path)).Select(r => new Route(r.Method, CatchAllPrefix(r.Path))).ToList();
        var documented = operations.Select(o => Key(o.Route)).ToHashSet();
        var undocumented = served
            // OpenAPI has no "connect" operation: a CONNECT beside a documented GET is the HTTP/2 WebSocket form
            // (RFC 8441 extended CONNECT) of that GET, which the GET operation describes.
            .Where(r => !(r.Method == "CONNECT" && documented.Contains(Key(new Route("GET", r.Path)))))
            .Where(r => IsCatchAll(r.Path)
                ? !operations.Any(o => o.Route.Method == r.Method && o.Route.Path.StartsWith(CatchAllPrefix(r.Path), StringComparison.Ordinal))
                : !documented.Contains(Key(r)))
            .OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
        var servedKeys = served.Where(r => !IsCatchAll(r.Path)).Select(Key).ToHashSet();
        var notServed = operations
            .Where(o => !o.Conditional && !servedKeys.Contains(Key(o.Route))
                && !catchAlls.Any(c => c.Method == o.Route.Method && o.Route.Path.StartsWith(c.Path, StringComparison.Ordinal)))
            .Select(o => o.Route)
            .ToList();
        return new Differences(undocumented, notServed);
    }

    /// <summary>The document's operations below a catch-all the daemon serves: forms only a request can prove.</summary>
    public static IReadOnlyList<Route> CatchAllForms(IReadOnlyList<Route> served, JsonElement document) =>
        [.. Operations(document).Select(o => o.Route)
            .Where(o => served.Any(r => IsCatchAll(r.Path) && r.Method == o.Method && o.Path.StartsWith(CatchAllPrefix(r.Path), StringComparison.Ordinal)))];

    public static IEnumerable<(Route Route, bool Conditional)> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (operation.Name is "parameters" or "summary" or "description" or "servers") continue;
            yield return (new Route(operation.Name.ToUpperInvariant(), path.Name), operation.Value.TryGetProperty("x-gatewayd-mapped-when", out _));
        }
    }

    private static bool IsCatchAll(string path) => path.Contains("{**", StringComparison.Ordinal) || path.Contains("{*", StringComparison.Ordinal);

    /// <summary><c>/a/b/{**rest}</c> gives <c>/a/b/</c>: what every path the catch-all takes starts with.</summary>
    private static string CatchAllPrefix(string path) => path[..path.IndexOf("{*", StringComparison.Ordinal)];

    /// <summary>Parameter names (and route constraints) do not matter, only where parameters sit.</summary>
    private static Route Key(Route route) => route with { Path = Parameter().Replace(route.Path, "{}") };

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
