using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Managing devices through the real daemon: rename, metadata, attributes, controllables, state refresh, cascading removal.</summary>
public class DeviceManagementTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_device_is_renamed_described_refreshed_and_cascade_deleted_and_bad_input_gets_the_overkiz_error_body()
    {
        using var client = gateway.Client();
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var light = gateway.Url("1100005");
        var lamp = gateway.Url("1100006");
        var plug = gateway.Url("1100007");
        var shutter = gateway.Url("1100002");
        string Path(string url) => "setup/devices/" + ApiClientExtensions.Escape(url);

        // Rename (the label is one path segment: an encoded slash stays in it) and metadata.
        Assert.Equal(200, await SendAsync(client, HttpMethod.Put, Path(light) + "/" + Uri.EscapeDataString("Porch / garden light")));
        Assert.Equal(200, await SendAsync(client, HttpMethod.Put, Path(light) + "/metadata", """{"metadata":"{\"color\":\"amber\"}"}"""));
        var (_, renamed) = await client.GetJsonAsync(Path(light));
        Assert.Equal(("Porch / garden light", "{\"color\":\"amber\"}"), (renamed.GetProperty("label").GetString(), renamed.GetProperty("metadata").GetString()));
        Assert.Contains((await client.GetJsonAsync("setup/devices")).Body.EnumerateArray(), d => d.GetProperty("label").GetString() == "Porch / garden light");
        Assert.Equal(200, await SendAsync(client, HttpMethod.Put, "setup/metadata", """{"metadata":"home v2"}"""));
        Assert.Equal("home v2", (await client.GetJsonAsync("setup")).Body.GetProperty("metadata").GetString());

        await PlaceTests.AssertRefusedAsync(client, HttpMethod.Put, Path(light) + "/" + new string('x', 129), null, "INVALID_PARAMETER", "128");
        await PlaceTests.AssertRefusedAsync(client, HttpMethod.Put, Path(light) + "/%20", null, "INVALID_PARAMETER", "empty");
        await PlaceTests.AssertRefusedAsync(client, HttpMethod.Put, Path(gateway.Url("1199999")) + "/Ghost", null, "NO_SUCH_DEVICE", "1199999");

        // What the device is.
        var (_, attributes) = await client.GetJsonAsync(Path(gateway.Url("1100008#1")) + "/attributes");
        Assert.Equal(JsonValueKind.Array, attributes.ValueKind);
        await PlaceTests.AssertRefusedAsync(client, HttpMethod.Get, Path(light) + "/attributes/core:NoSuchAttribute", null, "UNSPECIFIED_ERROR", "Unknown object.");
        var (_, controllable) = await client.GetJsonAsync(Path(plug) + "/controllable");
        Assert.Contains(controllable.GetProperty("commands").EnumerateArray(), c => c.GetProperty("commandName").GetString() == "refreshState");
        var (_, controllables) = await client.GetJsonAsync("setup/devices/controllables");
        Assert.Contains(shutter, controllables.GetProperty("io:RollerShutterGenericIOComponent").EnumerateArray().Select(u => u.GetString()));

        // State refresh goes through the engine as an execution of the device's refresh command.
        Assert.Equal(200, await SendAsync(client, HttpMethod.Post, Path(plug) + "/states/refresh"));
        Assert.Equal(200, await SendAsync(client, HttpMethod.Put, "setup/devices/states/refresh"));
        var refreshed = await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "ExecutionRegisteredEvent"
            && e.GetProperty("actions").EnumerateArray().Any(a => a.GetProperty("deviceURL").GetString() == plug
                && a.GetProperty("commands")[0].GetProperty("name").GetString() == "refreshState")));

        // A local box's features, options and quotas.
        Assert.Contains((await client.GetJsonAsync("setup/features")).Body.EnumerateArray(), f => f.GetProperty("name").GetString() == "radio:sim");
        Assert.Equal(0, (await client.GetJsonAsync("setup/options")).Body.GetArrayLength());
        var quotas = (await client.GetJsonAsync("setup/quotas")).Body.EnumerateArray().ToList();
        Assert.Equal(1000, quotas.Single(q => q.GetProperty("descriptorId").GetString() == "actionGroups").GetProperty("currentValue").GetInt64());

        // Cascading removal: the lamp's actions leave the scenes; a scene left empty goes.
        var mixed = await CreateSceneAsync(client, "Evening", (lamp, "setIntensity", 30), (shutter, "close", null));
        var lampOnly = await CreateSceneAsync(client, "Reading", (lamp, "setIntensity", 80));
        var (status, job) = await client.PostJsonAsync(Path(lamp) + "/_deleteCascade", """{"forced":false}""");
        Assert.Equal(200, status);
        var jobId = job.GetProperty("jobId").GetString()!;
        var (_, evening) = await client.GetJsonAsync($"actionGroups/{mixed}");
        Assert.Equal(new string?[] { shutter }, evening.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("deviceURL").GetString()));
        Assert.InRange((await client.GetJsonAsync($"actionGroups/{lampOnly}")).Status, 400, 404);
        Assert.Equal(400, (await client.GetJsonAsync(Path(lamp))).Status);
        await PlaceTests.AssertRefusedAsync(client, HttpMethod.Post, Path(lamp) + "/_deleteCascade", null, "NO_SUCH_DEVICE", lamp);

        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "SetupJobCompletedEvent"));
        Assert.Equal(jobId, events.Single(e => e.GetProperty("name").GetString() == "SetupJobCompletedEvent").GetProperty("jobId").GetString());
        Assert.Contains(events, e => e.GetProperty("name").GetString() == "DeviceRemovedEvent" && e.GetProperty("deviceURL").GetString() == lamp);
        var update = refreshed.Concat(events).Last(e => e.GetProperty("name").GetString() == "DeviceUpdatedEvent" && e.GetProperty("deviceURL").GetString() == light);
        Assert.Equal(("Porch / garden light", "{\"color\":\"amber\"}"), (update.GetProperty("label").GetString(), update.GetProperty("metadata").GetString()));
    }

    private static async Task<string> CreateSceneAsync(HttpClient client, string label, params (string Url, string Command, int? Parameter)[] actions)
    {
        var body = JsonSerializer.Serialize(new
        {
            label,
            actions = actions.Select(a => new { deviceURL = a.Url, commands = new[] { new { name = a.Command, parameters = a.Parameter is { } p ? new[] { p } : [] } } }),
        });
        var (status, created) = await client.PostJsonAsync("actionGroups", body);
        Assert.Equal(201, status);
        return created.GetProperty("actionGroupOID").GetString()!;
    }

    private static async Task<int> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
