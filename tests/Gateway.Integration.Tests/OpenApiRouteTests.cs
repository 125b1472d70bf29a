using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gateway.Integration.Tests;

/// <summary>
/// Issue 14 item 6: the daemon serves its OpenAPI document at /gatewayd/openapi.json without a token, and the
/// document describes exactly the routes of the daemon's endpoint table, down to the forms its deviceURL catch-alls
/// take apart by hand.
/// </summary>
public partial class OpenApiRouteTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Prefix = "/enduser-mobile-web/1/enduserAPI";

    [Fact]
    public async Task The_document_is_served_without_a_token_and_describes_exactly_the_routes_the_daemon_serves()
    {
        var served = await ServedRoutesAsync();
        Assert.Contains(new OpenApiRouteComparison.Route("GET", Prefix + "/setup"), served);
        Assert.Contains(new OpenApiRouteComparison.Route("GET", "/gatewayd/openapi.json"), served);
        using var document = OpenApiDocumentTests.Load();

        var differences = OpenApiRouteComparison.Compare(served, document.RootElement);

        Assert.True(differences.None, differences.ToString());

        using var anonymous = gateway.Daemon.Client(null);
        using (var response = await anonymous.GetAsync(new Uri(gateway.Daemon.BaseAddress, "/gatewayd/openapi.json")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "openapi", "gatewayd.openapi.json")), await response.Content.ReadAsByteArrayAsync());
        }
        // Only the document is open: its neighbours under /gatewayd still want the token.
        using (var licence = await anonymous.GetAsync(new Uri(gateway.Daemon.BaseAddress, "/gatewayd/licence")))
            Assert.Equal(HttpStatusCode.Unauthorized, licence.StatusCode);
    }

    [Fact]
    public async Task Every_documented_form_below_a_catch_all_is_answered_with_success_for_a_real_device()
    {
        using var document = OpenApiDocumentTests.Load();
        var forms = OpenApiRouteComparison.CatchAllForms(await ServedRoutesAsync(), document.RootElement);
        Assert.Contains(new OpenApiRouteComparison.Route("GET", Prefix + "/setup/devices/{deviceURL}/states/{name}"), forms);
        using var client = gateway.Client();
        var (_, devices) = await client.GetJsonAsync("setup/devices");
        // The simulated radio's devices: the gateway's own (internal://…) cannot be removed.
        var withStates = devices.EnumerateArray()
            .Where(d => d.GetProperty("deviceURL").GetString()!.StartsWith("sim://", StringComparison.Ordinal) && d.GetProperty("states").GetArrayLength() > 0)
            .OrderBy(d => d.GetProperty("deviceURL").GetString(), StringComparer.Ordinal).ToList();
        Assert.True(withStates.Count > forms.Count(IsRemoval), "the simulated setup has too few devices for one per destructive form");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var (_, places) = await client.GetJsonAsync("setup/places");
        var spare = new Queue<JsonElement>(withStates.Skip(1));

        var failures = new List<string>();
        // Removals last, each on a device of its own, so every other form still finds its device.
        foreach (var form in forms.OrderBy(f => IsRemoval(f) ? 1 : 0))
        {
            var device = IsRemoval(form) ? spare.Dequeue() : withStates[0];
            var values = new Dictionary<string, string>
            {
                ["deviceURL"] = Uri.EscapeDataString(device.GetProperty("deviceURL").GetString()!),
                ["name"] = Uri.EscapeDataString(StateNameFor(form, device)),
                ["attributeName"] = device.TryGetProperty("attributes", out var attributes) && attributes.GetArrayLength() > 0
                    ? Uri.EscapeDataString(attributes[0].GetProperty("name").GetString()!) : "x",
                ["placeOID"] = places.GetProperty("oid").GetString()!,
                ["label"] = "Renamed",
                // The last hour: within every state-history range limit (StateHistoryLimits).
                ["from"] = (now - 3_600_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["to"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var path = Placeholder().Replace(form.Path, m => values.GetValueOrDefault(m.Groups[1].Value, "x"));
            using var request = new HttpRequestMessage(new HttpMethod(form.Method), new Uri(gateway.Daemon.BaseAddress, path));
            if (ExampleBody(document.RootElement, form) is { } body) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
                failures.Add($"{form.Method} {form.Path} as {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.True(failures.Count == 0, "documented forms the daemon does not answer:\n" + string.Join('\n', failures));
    }

    /// <summary>The device's first state; for a history form its first numeric state (free texts are not historised).</summary>
    private static string StateNameFor(OpenApiRouteComparison.Route form, JsonElement device)
    {
        var states = device.GetProperty("states").EnumerateArray().ToList();
        var chosen = form.Path.Contains("/history/", StringComparison.Ordinal)
            ? states.FirstOrDefault(s => s.GetProperty("value").ValueKind == JsonValueKind.Number, states[0])
            : states[0];
        return chosen.GetProperty("name").GetString()!;
    }

    private static bool IsRemoval(OpenApiRouteComparison.Route form) => form.Method == "DELETE" || form.Path.Contains("/_delete", StringComparison.Ordinal);

    /// <summary>The operation's request example when it has one, <c>{}</c> when it needs a body, otherwise none.</summary>
    private static string? ExampleBody(JsonElement document, OpenApiRouteComparison.Route form)
    {
        var operation = document.GetProperty("paths").GetProperty(form.Path).GetProperty(form.Method.ToLowerInvariant());
        if (!operation.TryGetProperty("requestBody", out var body)) return null;
        if (body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out var example)) return example.GetRawText();
        return body.TryGetProperty("required", out var required) && required.GetBoolean() ? "{}" : null;
    }

    /// <summary>The daemon's endpoint table, from its admin socket.</summary>
    private async Task<IReadOnlyList<OpenApiRouteComparison.Route>> ServedRoutesAsync()
    {
        var socket = Path.Combine(gateway.Daemon.DataDirectory, "gatewayd.sock");
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await unix.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellationToken);
                return new NetworkStream(unix, ownsSocket: true);
            },
        };
        using var admin = new HttpClient(handler) { BaseAddress = new Uri("http://gatewayd/"), Timeout = TimeSpan.FromSeconds(30) };
        var (status, routes) = await admin.GetJsonAsync("admin/v1/routes");
        Assert.Equal(200, status);
        return [.. routes.EnumerateArray().Select(r => new OpenApiRouteComparison.Route(r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!))];
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
