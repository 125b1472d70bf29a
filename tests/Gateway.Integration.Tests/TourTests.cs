using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>The README's five-minute tour, against the real daemon over HTTPS.</summary>
public class TourTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Api_version_needs_no_token_but_everything_else_does()
    {
        using var anonymous = gateway.Daemon.Client(null);
        var (status, body) = await anonymous.GetJsonAsync("apiVersion");
        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("protocolVersion").GetString()));

        (status, body) = await anonymous.GetJsonAsync("setup/devices");
        Assert.Equal(401, status);
        Assert.Equal("Missing authorization token.", body.GetProperty("error").GetString());

        using var wrong = gateway.Daemon.Client("0123456789abcdef0123456789abcdef01234567");
        (status, body) = await wrong.GetJsonAsync("setup/devices");
        Assert.Equal(401, status);
        Assert.Equal("Not authenticated.", body.GetProperty("error").GetString());
        Assert.Equal("RESOURCE_ACCESS_DENIED", body.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task The_simulated_home_is_listed_with_live_states()
    {
        using var client = gateway.Client();
        var (status, devices) = await client.GetJsonAsync("setup/devices");
        Assert.Equal(200, status);
        Assert.Equal(13, devices.GetArrayLength());
        var urls = devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString()).ToList();
        Assert.Contains($"internal://{gateway.GatewayId}/pod/0", urls);
        Assert.Contains(gateway.Url("1100008#1"), urls);
        var shutter = devices.EnumerateArray().First(d => d.GetProperty("deviceURL").GetString() == gateway.Url("1100001"));
        Assert.Equal("RollerShutter", shutter.GetProperty("definition").GetProperty("uiClass").GetString());
        Assert.Contains(shutter.GetProperty("states").EnumerateArray(), s => s.GetProperty("name").GetString() == "core:ClosureState");

        var (_, setup) = await client.GetJsonAsync("setup");
        Assert.Equal(13, setup.GetProperty("devices").GetArrayLength());
        Assert.Equal(gateway.GatewayId, setup.GetProperty("gateways")[0].GetProperty("gatewayId").GetString());

        var (_, one) = await client.GetJsonAsync("setup/devices/" + ApiClientExtensions.Escape(gateway.Url("1100008#1")));
        Assert.Equal("io:TemperatureIOSystemSensor", one.GetProperty("controllableName").GetString());

        var (_, lights) = await client.GetJsonAsync("setup/devices/controllables/" + Uri.EscapeDataString("io:DimmableLightIOComponent"));
        Assert.Equal([gateway.Url("1100006")], lights.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Closing_a_shutter_streams_execution_states_and_intermediate_closures()
    {
        using var client = gateway.Client();
        var (_, registered) = await client.PostJsonAsync("events/register");
        var listener = registered.GetProperty("id").GetString()!;
        var shutter = gateway.Url("1100001");

        var execId = await client.ApplyAsync(shutter, "setClosure", 100);
        var (currentStatus, current) = await client.GetJsonAsync("exec/current/" + execId);
        Assert.Equal(200, currentStatus);
        Assert.Equal(execId, current.GetProperty("id").GetString());

        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));

        var states = events.Where(e => e.GetProperty("name").GetString() == "ExecutionStateChangedEvent" && e.GetProperty("execId").GetString() == execId)
            .Select(e => e.GetProperty("newState").GetString()).ToList();
        Assert.Equal(["NOT_TRANSMITTED", "TRANSMITTED", "IN_PROGRESS", "COMPLETED"], states);
        Assert.Contains(events, e => e.GetProperty("name").GetString() == "ExecutionRegisteredEvent");
        var closures = events.Where(e => e.GetProperty("name").GetString() == "DeviceStateChangedEvent" && e.GetProperty("deviceURL").GetString() == shutter)
            .SelectMany(e => e.GetProperty("deviceStates").EnumerateArray())
            .Where(s => s.GetProperty("name").GetString() == "core:ClosureState")
            .Select(s => s.GetProperty("value").GetInt32()).ToList();
        Assert.True(closures.Count(c => c is > 0 and < 100) >= 3, string.Join(",", closures));
        Assert.Equal(100, closures[^1]);

        var (_, state) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(shutter)}/states/{Uri.EscapeDataString("core:ClosureState")}");
        Assert.Equal(100, state.GetProperty("value").GetInt32());
        var (_, history) = await client.GetJsonAsync("history/executions");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("id").GetString() == execId && h.GetProperty("state").GetString() == "COMPLETED");
    }

    [Fact]
    public async Task Cancelling_an_execution_fails_it_and_stops_the_awning_midway()
    {
        using var client = gateway.Client();
        var (_, registered) = await client.PostJsonAsync("events/register");
        var listener = registered.GetProperty("id").GetString()!;
        var awning = gateway.Url("1100004");
        var execId = await client.ApplyAsync(awning, "deploy");
        await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "DeviceStateChangedEvent"
            && e.GetProperty("deviceURL").GetString() == awning
            && e.GetProperty("deviceStates").EnumerateArray().Any(s => s.GetProperty("name").GetString() == "core:DeploymentState")));

        var (status, _) = await client.DeleteJsonAsync("exec/current/setup/" + execId);
        Assert.Equal(200, status);

        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
        var end = events.Single(e => e.IsExecutionEnd(execId));
        Assert.Equal("FAILED", end.GetProperty("newState").GetString());
        Assert.Equal("CMDCANCELLED", end.GetProperty("failureType").GetString());
        var (_, deployment) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(awning)}/states/core%3ADeploymentState");
        Assert.InRange(deployment.GetProperty("value").GetInt32(), 1, 99);
    }

    [Fact]
    public async Task An_unreachable_device_fails_with_no_answer_and_becomes_unavailable()
    {
        using var client = gateway.Client();
        var (_, registered) = await client.PostJsonAsync("events/register");
        var listener = registered.GetProperty("id").GetString()!;
        var plugAddress = "1100007";
        using (var fault = await client.PutJsonAsync($"/gatewayd/simulation/devices/{plugAddress}/fault", new { unreachable = true }))
            Assert.Equal(200, (int)fault.StatusCode);

        var execId = await client.ApplyAsync(gateway.Url(plugAddress), "on");
        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));

        var end = events.Single(e => e.IsExecutionEnd(execId));
        Assert.Equal("ACTUATORNOANSWER", end.GetProperty("failureType").GetString());
        Assert.Equal(gateway.Url(plugAddress), end.GetProperty("failedCommands")[0].GetProperty("deviceURL").GetString());
        Assert.Contains(events, e => e.GetProperty("name").GetString() == "DeviceUnavailableEvent");
        var (_, device) = await client.GetJsonAsync("setup/devices/" + ApiClientExtensions.Escape(gateway.Url(plugAddress)));
        Assert.False(device.GetProperty("available").GetBoolean());

        using (var heal = await client.PutJsonAsync($"/gatewayd/simulation/devices/{plugAddress}/fault", new { unreachable = false }))
            Assert.Equal(200, (int)heal.StatusCode);
        await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "DeviceAvailableEvent"));
    }

    [Fact]
    public async Task Unregistered_listeners_cannot_fetch()
    {
        using var client = gateway.Client();
        var (_, registered) = await client.PostJsonAsync("events/register");
        var listener = registered.GetProperty("id").GetString()!;
        Assert.Equal(200, (await client.PostJsonAsync($"events/{listener}/unregister")).Status);

        var (status, body) = await client.PostJsonAsync($"events/{listener}/fetch");

        Assert.Equal(400, status);
        Assert.Equal("\"No registered event listener.\"", body.GetProperty("error").GetString());
    }
}
