using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Bad input of every kind gets the box's error body and a 4xx, and the daemon stays up.</summary>
public class ErrorResponseTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static JsonElement Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "overkiz", "local-errors", name))).RootElement;

    private static void AssertBody(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.GetProperty("errorCode").GetString(), actual.GetProperty("errorCode").GetString());
        Assert.Equal(expected.GetProperty("error").ToString(), actual.GetProperty("error").ToString());
    }

    private string Apply(string deviceUrl, string command, string parameters = "") =>
        $$"""{"label":"x","actions":[{"deviceURL":"{{deviceUrl}}","commands":[{"name":"{{command}}"{{parameters}}}]}]}""";

    [Fact]
    public async Task Unknown_device_gets_no_such_device()
    {
        using var client = gateway.Client();
        var (status, body) = await client.PostJsonAsync("exec/apply", Apply("io://9876-1234-8767/4468654", "close"));
        Assert.Equal(400, status);
        AssertBody(Fixture("400-no-such-device.json"), body);
    }

    [Fact]
    public async Task Error_bodies_are_byte_for_byte_those_of_a_box()
    {
        using var client = gateway.Client();
        using var content = new StringContent(Apply("io://9876-1234-8767/4468654", "close"), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("exec/apply", content);
        var fixture = Fixture("400-no-such-device.json");
        var expected = JsonSerializer.Serialize(new { error = fixture.GetProperty("error").GetString(), errorCode = fixture.GetProperty("errorCode").GetString() },
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Two_actions_on_one_device_get_duplicate_field()
    {
        using var client = gateway.Client();
        var url = gateway.Url("1100002");
        var json = $$"""{"actions":[{"deviceURL":"{{url}}","commands":[{"name":"open"}]},{"deviceURL":"{{url}}","commands":[{"name":"close"}]}]}""";
        var (status, body) = await client.PostJsonAsync("exec/apply", json);
        Assert.Equal(400, status);
        Assert.Equal("DUPLICATE_FIELD_OR_VALUE", body.GetProperty("errorCode").GetString());
        Assert.Equal($"Another action exists on the same device : {url}", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"actions":[]}""")]
    [InlineData("""{"actions":"close"}""")]
    [InlineData("""{"actions":[{"commands":[{"name":"close"}]}]}""")]
    [InlineData("""{"actions":[{"deviceURL":"sim://1234-1234-1234/1","commands":[]}]}""")]
    [InlineData("""{"actions":[{"deviceURL":"sim://1234-1234-1234/1","commands":[{"parameters":[]}]}]}""")]
    [InlineData("not json at all")]
    [InlineData("""{"actions":[{"deviceURL":""")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Malformed_action_groups_get_missing_parameters(string json)
    {
        using var client = gateway.Client();
        var (status, body) = await client.PostJsonAsync("exec/apply", json);
        Assert.Equal(400, status);
        AssertBody(Fixture("400-malformed-action-group.json"), body);
    }

    [Theory]
    [InlineData("fly", "", "No such command : fly")]
    [InlineData("setClosure", "", "setClosure expects 1 parameter(s), got 0")]
    [InlineData("setClosure", ""","parameters":["half"]""", "setClosure: parameter 1 must be an integer")]
    [InlineData("setClosure", ""","parameters":[1000]""", "setClosure: parameter 1 must be between 0 and 100")]
    public async Task Commands_the_device_does_not_take_get_bad_parameters(string command, string parameters, string message)
    {
        using var client = gateway.Client();
        var (status, body) = await client.PostJsonAsync("exec/apply", Apply(gateway.Url("1100001"), command, parameters));
        Assert.Equal(400, status);
        Assert.Equal("INVALID_PARAMETER", body.GetProperty("errorCode").GetString());
        Assert.Equal($"Bad parameters. (\"\"{message}\"\")", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("sim%3A%2F%2Fnot-a-gateway%2F1")]
    [InlineData("%E2%98%83%01%02")]
    [InlineData("sim%3A%2F%2F1234-1234-1234%2F1%2Fstates%2Fcore%3AClosureState")]
    public async Task Absurd_device_urls_get_no_such_device(string escaped)
    {
        using var client = gateway.Client();
        var (status, body) = await client.GetJsonAsync("setup/devices/" + escaped);
        Assert.Equal(400, status);
        Assert.Equal("NO_SUCH_DEVICE", body.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Very_long_device_urls_are_refused_without_echoing_them_whole()
    {
        using var client = gateway.Client();
        var (status, body) = await client.GetJsonAsync("setup/devices/" + new string('a', 4000));
        Assert.Equal(400, status);
        Assert.True(body.GetProperty("error").GetString()!.Length < 300);
    }

    [Fact]
    public async Task Unknown_state_gets_unknown_object()
    {
        using var client = gateway.Client();
        var (status, body) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(gateway.Url("1100001"))}/states/core%3ANoSuchState");
        Assert.Equal(400, status);
        AssertBody(Fixture("400-unknown-object.json"), body);
    }

    [Fact]
    public async Task Fetch_with_a_malformed_or_unknown_listener_id_gets_the_box_bodies()
    {
        using var client = gateway.Client();
        var (status, body) = await client.PostJsonAsync("events/not-a-uuid/fetch");
        Assert.Equal(400, status);
        AssertBody(Fixture("400-malformed-fetch-id.json"), body);

        (status, body) = await client.PostJsonAsync($"events/{Guid.NewGuid()}/fetch");
        Assert.Equal(400, status);
        AssertBody(Fixture("400-no-registered-event-listener.json"), body);
    }

    [Fact]
    public async Task Unknown_executions_get_no_corresponding_exec_id()
    {
        using var client = gateway.Client();
        var id = "c6f83624-ac10-3e01-653e-2b025fee956d";
        var (status, body) = await client.GetJsonAsync("exec/current/" + id);
        Assert.Equal(400, status);
        AssertBody(Fixture("204-no-corresponding-execId.json"), body);
        (status, body) = await client.DeleteJsonAsync("exec/current/setup/" + id);
        Assert.Equal(400, status);
        AssertBody(Fixture("204-no-corresponding-execId.json"), body);
    }

    [Fact]
    public async Task Oversized_bodies_get_400_naming_the_route_limit()
    {
        using var client = gateway.Client();
        var huge = "{\"label\":\"" + new string('x', 400_000) + "\",\"actions\":[]}";
        // Expect: 100-continue lets the gateway refuse before the client sends the whole body, as curl does.
        using var request = new HttpRequestMessage(HttpMethod.Post, "exec/apply") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, status);
        Assert.Equal("INVALID_PARAMETER", body.GetProperty("errorCode").GetString());
        Assert.Contains("limit of 65536 bytes", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("GET", "no/such/route")]
    [InlineData("DELETE", "setup/devices")]
    [InlineData("GET", "exec/apply")]
    public async Task Unknown_routes_and_methods_get_an_error_body(string method, string path)
    {
        using var client = gateway.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.InRange((int)response.StatusCode, 400, 499);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("UNSPECIFIED_ERROR", body.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task A_barrage_of_garbage_leaves_the_daemon_serving()
    {
        using var client = gateway.Client();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(i % 2 == 0 ? "exec/apply" : $"events/{Guid.NewGuid()}/fetch", content);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }
        using var mutated = new StringContent(Apply(gateway.Url("1100001"), "setClosure", ""","parameters":[{"deep":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]"""), Encoding.UTF8, "application/json");
        using (var deep = await client.PostAsync("exec/apply", mutated)) Assert.InRange((int)deep.StatusCode, 400, 499);
        Assert.Equal(200, (await client.GetJsonAsync("setup/devices")).Status);
    }
}
