using System.Text;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>
/// PUT /gatewayd/simulation/devices/{address}/states against the real daemon: a simulated sensor reports what it is
/// told through the ordinary report path (states, events, storage), and bad requests get the box's error bodies.
/// </summary>
public class SimulationStateTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Temperature = "1100008#1";

    [Fact]
    public async Task A_reading_set_through_the_simulation_shows_in_the_device_states_and_as_an_event()
    {
        using var client = gateway.Client();
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var url = gateway.Url(Temperature);

        using (var put = await PutAsync(client, Temperature, """[{"name":"core:TemperatureState","value":27.5}]"""))
        {
            Assert.Equal(200, (int)put.StatusCode);
            Assert.Equal("{}", await put.Content.ReadAsStringAsync());
        }

        var state = await TemperatureAsync(client, url);
        Assert.Equal(2, state.GetProperty("type").GetInt32());
        Assert.Equal(27.5, state.GetProperty("value").GetDouble());
        var (_, one) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(url)}/states/{Uri.EscapeDataString("core:TemperatureState")}");
        Assert.Equal(27.5, one.GetProperty("value").GetDouble());

        var events = await client.FetchUntilAsync(listener, all => all.Any(e => IsTemperatureChange(e, url, 27.5)));
        Assert.Single(events, e => IsTemperatureChange(e, url, 27.5));

        // An integer for a state the sensor keeps as a float stays a float; a second state in the same report is taken too.
        using (var put = await PutAsync(client, Uri.EscapeDataString(Temperature),
            """[{"name":"core:TemperatureState","value":27},{"name":"core:BatteryState","value":"low"}]"""))
            Assert.Equal(200, (int)put.StatusCode);
        state = await TemperatureAsync(client, url);
        Assert.Equal(2, state.GetProperty("type").GetInt32());
        Assert.Equal(27, state.GetProperty("value").GetDouble());
        var (_, states) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(url)}/states");
        Assert.Contains(states.EnumerateArray(), s => s.GetProperty("name").GetString() == "core:BatteryState" && s.GetProperty("value").GetString() == "low");

        // The sensor's refresh command now reads the value that was set, not its old one.
        var refresh = await client.ApplyAsync(url, "refreshTemperature");
        await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(refresh)));
        Assert.Equal(27, (await TemperatureAsync(client, url)).GetProperty("value").GetDouble());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"name":"core:TemperatureState","value":27.5}""")]
    [InlineData("[]")]
    [InlineData("""[{"value":27.5}]""")]
    [InlineData("""[{"name":"","value":27.5}]""")]
    [InlineData("""[{"name":"core:TemperatureState"}]""")]
    [InlineData("""[{"name":"core:TemperatureState","value":null}]""")]
    [InlineData("""[{"name":"core:TemperatureState","value":{"celsius":27.5}}]""")]
    [InlineData("""[{"name":"core:TemperatureState","value":"warm","type":2}]""")]
    [InlineData("""[{"name":"core:TemperatureState","value":27.5,"type":1}]""")]
    [InlineData("""[{"name":"core:TemperatureState","value":27.5,"type":11}]""")]
    [InlineData("""[27.5]""")]
    public async Task A_malformed_body_is_a_400_with_the_overkiz_body_and_changes_nothing(string body)
    {
        using var client = gateway.Client();
        var url = gateway.Url(Temperature);
        var before = (await TemperatureAsync(client, url)).GetProperty("value").GetDouble();

        using var put = await PutAsync(client, Temperature, body);
        Assert.Equal(400, (int)put.StatusCode);
        using var error = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
        Assert.Equal("INVALID_PARAMETER", error.RootElement.GetProperty("errorCode").GetString());
        Assert.StartsWith("Bad parameters. (", error.RootElement.GetProperty("error").GetString());

        Assert.Equal(before, (await TemperatureAsync(client, url)).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task An_unknown_device_gets_the_unknown_object_error_and_a_missing_token_a_401()
    {
        using var client = gateway.Client();
        using (var put = await PutAsync(client, "9999999", """[{"name":"core:TemperatureState","value":27.5}]"""))
        {
            Assert.Equal(400, (int)put.StatusCode);
            using var error = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
            Assert.Equal("UNSPECIFIED_ERROR", error.RootElement.GetProperty("errorCode").GetString());
            Assert.Equal("Unknown object.", error.RootElement.GetProperty("error").GetString());
        }

        using var anonymous = gateway.Daemon.Client(null);
        using var denied = await PutAsync(anonymous, Temperature, """[{"name":"core:TemperatureState","value":27.5}]""");
        Assert.Equal(401, (int)denied.StatusCode);
    }

    [Fact]
    public async Task A_reading_set_through_the_simulation_is_stored_like_any_report()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, url;
            await using (var first = await DaemonProcess.StartAsync(data))
            {
                token = await first.CreateTokenAsync("simulation");
                using var client = first.Client(token);
                url = $"sim://{await client.GatewayIdAsync()}/{Temperature}";
                using (var put = await PutAsync(client, Temperature, """[{"name":"core:TemperatureState","value":26.4}]"""))
                    Assert.Equal(200, (int)put.StatusCode);
                Assert.Equal(26.4, (await TemperatureAsync(client, url)).GetProperty("value").GetDouble());
                await first.StopAsync();
            }

            await using var second = await DaemonProcess.StartAsync(data);
            using var again = second.Client(token);
            Assert.Equal(26.4, (await TemperatureAsync(again, url)).GetProperty("value").GetDouble());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_restart_a_simulated_sensor_carries_on_from_its_stored_reading()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, url;
            await using (var first = await DaemonProcess.StartAsync(data))
            {
                token = await first.CreateTokenAsync("simulation");
                using var client = first.Client(token);
                url = $"sim://{await client.GatewayIdAsync()}/{Temperature}";
                using (var put = await PutAsync(client, Temperature, """[{"name":"core:TemperatureState","value":27.5}]"""))
                    Assert.Equal(200, (int)put.StatusCode);
                await first.StopAsync();
            }

            // This time sensors report on their own, about once a second each (later arguments win).
            await using var second = await DaemonProcess.StartAsync(data, "--Gateway:Radios:Simulated:SensorIntervalSeconds=1");
            using var again = second.Client(token);
            var listener = (await again.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            var events = await again.FetchUntilAsync(listener, all => TemperatureChanges(all, url).Count() >= 3);

            // Drift is at most 0.2 a reading: from 27.5, not back from the built-in 21.
            Assert.All(TemperatureChanges(events, url), value => Assert.InRange(value, 26.5, 28.5));
            Assert.InRange((await TemperatureAsync(again, url)).GetProperty("value").GetDouble(), 26.5, 28.5);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string address, string body) =>
        client.PutAsync($"/gatewayd/simulation/devices/{(address.Contains('%') ? address : Uri.EscapeDataString(address))}/states",
            new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> TemperatureAsync(HttpClient client, string url)
    {
        var (status, states) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(url)}/states");
        Assert.Equal(200, status);
        return states.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "core:TemperatureState");
    }

    private static IEnumerable<double> TemperatureChanges(IEnumerable<JsonElement> events, string url) =>
        events.Where(e => e.GetProperty("name").GetString() == "DeviceStateChangedEvent" && e.GetProperty("deviceURL").GetString() == url)
            .SelectMany(e => e.GetProperty("deviceStates").EnumerateArray())
            .Where(s => s.GetProperty("name").GetString() == "core:TemperatureState")
            .Select(s => s.GetProperty("value").GetDouble());

    private static bool IsTemperatureChange(JsonElement e, string url, double value) =>
        e.GetProperty("name").GetString() == "DeviceStateChangedEvent" && e.GetProperty("deviceURL").GetString() == url
        && e.GetProperty("deviceStates").EnumerateArray().Any(s => s.GetProperty("name").GetString() == "core:TemperatureState"
            && s.GetProperty("value").GetDouble() == value);
}
