using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>
/// The checked-in OpenAPI document on its own: JSON, OpenAPI 3.1, every $ref resolves, every operation answers
/// something and declares the parameters of its path; and the route comparison itself tells differences apart.
/// </summary>
public class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static JsonDocument Load() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "openapi", "gatewayd.openapi.json")));

    [Fact]
    public void The_document_is_openapi_3_1_whose_refs_all_resolve()
    {
        using var document = Load();
        var root = document.RootElement;
        Assert.StartsWith("3.1.", root.GetProperty("openapi").GetString());
        var broken = new List<string>();
        var count = 0;
        Walk(root, "#", (at, reference) =>
        {
            count++;
            if (!reference.StartsWith("#/", StringComparison.Ordinal) || Resolve(root, reference) is null) broken.Add($"{at}: {reference}");
        });
        Assert.True(count > 50, $"only {count} $refs: the walk is broken");
        Assert.True(broken.Count == 0, "unresolved $refs:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Every_operation_has_responses_a_unique_id_and_declares_each_parameter_of_its_path()
    {
        using var document = Load();
        var root = document.RootElement;
        var problems = new List<string>();
        var ids = new HashSet<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            Assert.StartsWith("/", path.Name);
            var placeholders = System.Text.RegularExpressions.Regex.Matches(path.Name, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToHashSet();
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!operation.Value.TryGetProperty("responses", out var responses) || !responses.EnumerateObject().Any())
                    problems.Add($"{where}: no responses");
                if (!operation.Value.TryGetProperty("operationId", out var id) || !ids.Add(id.GetString()!))
                    problems.Add($"{where}: missing or repeated operationId");
                var declared = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Select(p => Resolve(root, p.TryGetProperty("$ref", out var r) ? r.GetString()! : null) ?? p)
                        .Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToHashSet()
                    : [];
                if (!declared.SetEquals(placeholders)) problems.Add($"{where}: path parameters {string.Join(",", declared)} do not match the path");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(ids.Count > 100, $"only {ids.Count} operations");
    }

    [Fact]
    public void The_route_comparison_names_an_undocumented_route_an_unserved_operation_and_a_catch_all_without_forms()
    {
        using var document = JsonDocument.Parse("""
            {"paths": {
              "/a/{id}": {"get": {}},
              "/gone": {"delete": {}},
              "/radio": {"put": {"x-gatewayd-mapped-when": "a radio"}},
              "/devices/{deviceURL}/states": {"get": {}}
            }}
            """);
        OpenApiRouteComparison.Route[] served =
        [
            new("GET", "/a/{oid:int}"), new("POST", "/new/{x}"), new("GET", "/devices/{**rest}"), new("DELETE", "/devices/{**rest}"),
        ];

        var differences = OpenApiRouteComparison.Compare(served, document.RootElement);

        Assert.Equal([new("DELETE", "/devices/{**rest}"), new("POST", "/new/{x}")], differences.Undocumented);
        Assert.Equal([new OpenApiRouteComparison.Route("DELETE", "/gone")], differences.NotServed);
        Assert.Contains("  POST /new/{x}", differences.ToString());
        Assert.Equal([new OpenApiRouteComparison.Route("GET", "/devices/{deviceURL}/states")], OpenApiRouteComparison.CatchAllForms(served, document.RootElement));
    }

    private static void Walk(JsonElement node, string at, Action<string, string> onReference)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String) onReference(at, property.Value.GetString()!);
                else Walk(property.Value, $"{at}/{property.Name}", onReference);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray()) Walk(item, $"{at}/{i++}", onReference);
        }
    }

    /// <summary>A JSON pointer (RFC 6901) into the document; null when it leads nowhere.</summary>
    public static JsonElement? Resolve(JsonElement root, string? reference)
    {
        if (reference is null || !reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        var node = root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(token, out var child)) node = child;
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index < node.GetArrayLength()) node = node[index];
            else return null;
        }
        return node;
    }
}
