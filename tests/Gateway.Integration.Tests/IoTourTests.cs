using System.Net;
using System.Text.Json;
using Gateway.Radio.Io.Simulator;

namespace Gateway.Integration.Tests;

/// <summary>
/// io-homecontrol through a simulated KLF-200 and the real daemon: the interface's nodes appear as devices, setClosure
/// moves a shutter with live positions, position limits show as states, identify and setName reach the interface (the
/// label follows the new name), an obstacle fails the execution with the box's failure type, the link comes back after
/// a drop, a discovery adds a new node and ends as its execution, and after a restart everything is still driven and
/// removable.
/// </summary>
public class IoTourTests
{
    private const string Password = "velux-pass";
    private const int ShutterAddress = 0x5A75A5, WindowAddress = 0x3C1F22, AwningAddress = 0x1B2C3D;

    [Fact]
    public async Task Drive_io_covers_with_live_positions_and_real_failures_across_a_link_drop_a_discovery_and_a_restart()
    {
        await using var klf = new Klf200Simulator(Password);
        var shutter = klf.Add(SimulatedIoNode.RollerShutter(0, ShutterAddress, "Living room"));
        shutter.TravelTime = TimeSpan.FromSeconds(1.5);
        shutter.MinimumClosure = 5;
        shutter.MaximumClosure = 90;
        shutter.LimitationOriginator = 2; // rain
        var window = klf.Add(SimulatedIoNode.VeluxWindow(1, WindowAddress, "Roof window"));
        window.TravelTime = TimeSpan.FromSeconds(0.5);
        await klf.StartAsync();
        string[] arguments = [$"--Gateway:Radios:Io:Port={klf.Url}", $"--Gateway:Radios:Io:Password={Password}", $"--Gateway:Radios:Io:CertificateFingerprint={klf.Fingerprint}"];
        var data = DaemonProcess.NewDataDirectory();
        string token, gateway;
        string Url(int address) => $"io://{gateway}/{address}";

        await using (var daemon = await DaemonProcess.StartAsync(data, arguments))
        {
            token = await daemon.CreateTokenAsync("io-tour");
            using var client = daemon.Client(token);
            gateway = await client.GatewayIdAsync();
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await WaitForAsync(async () => (await DeviceUrlsAsync(client)).Contains(Url(WindowAddress)), daemon);
            var (_, device) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(Url(ShutterAddress))}");
            Assert.Equal("io:RollerShutterGenericIOComponent", device.GetProperty("controllableName").GetString());
            Assert.Equal("Living room", device.GetProperty("label").GetString());
            await WaitForStateAsync(client, Url(ShutterAddress), "io:MaximumClosureLimitState", v => v.GetInt32() == 90);
            await WaitForStateAsync(client, Url(ShutterAddress), "io:MinimumClosureLimitState", v => v.GetInt32() == 5);
            await WaitForStateAsync(client, Url(ShutterAddress), "io:PriorityLockOriginatorState", v => v.GetString() == "rain");
            await WaitForStateAsync(client, Url(WindowAddress), "io:MaximumClosureLimitState", v => v.GetInt32() == 100);

            var identify = await client.ApplyAsync(Url(WindowAddress), "identify");
            var identified = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(identify)));
            Assert.Equal("COMPLETED", identified.Single(e => e.IsExecutionEnd(identify)).GetProperty("newState").GetString());
            Assert.Equal(1, window.Winks);

            var rename = await client.ApplyAsync(Url(ShutterAddress), "setName", "Kitchen");
            var renamed = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(rename))
                && all.Any(e => Name(e) == "DeviceUpdatedEvent" && DeviceUrlOf(e) == Url(ShutterAddress)));
            Assert.Equal("COMPLETED", renamed.Single(e => e.IsExecutionEnd(rename)).GetProperty("newState").GetString());
            Assert.Equal("Kitchen", renamed.Single(e => Name(e) == "DeviceUpdatedEvent").GetProperty("label").GetString());
            Assert.Equal("Kitchen", shutter.Name);
            Assert.Equal("Kitchen", (await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(Url(ShutterAddress))}")).Body.GetProperty("label").GetString());
            await WaitForStateAsync(client, Url(ShutterAddress), "core:NameState", v => v.GetString() == "Kitchen");

            var move = await client.ApplyAsync(Url(ShutterAddress), "setClosure", 60);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(move)));
            Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(move)).GetProperty("newState").GetString());
            Assert.Equal(60, shutter.Closure);
            await WaitForStateAsync(client, Url(ShutterAddress), "core:ClosureState", v => v.GetInt32() == 60);
            var seen = events.Where(e => Name(e) == "DeviceStateChangedEvent" && DeviceUrlOf(e) == Url(ShutterAddress))
                .SelectMany(e => e.GetProperty("deviceStates").EnumerateArray())
                .Where(s => s.GetProperty("name").GetString() == "core:ClosureState").Select(s => Number(s.GetProperty("value"))).ToList();
            Assert.Contains(seen, c => c is > 0 and < 60);

            shutter.ObstacleAt = 80;
            var blocked = await client.ApplyAsync(Url(ShutterAddress), "close");
            events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(blocked)));
            var end = events.Single(e => e.IsExecutionEnd(blocked));
            Assert.Equal("FAILED", end.GetProperty("newState").GetString());
            Assert.Equal("WHILEEXEC_BLOCKED_BY_HAZARD", end.GetProperty("failureType").GetString());
            await WaitForStateAsync(client, Url(ShutterAddress), "core:ClosureState", v => v.GetInt32() == 80);
            shutter.ObstacleAt = null;

            await klf.DisconnectAllAsync();
            await WaitForAsync(() => Task.FromResult(klf.Logins >= 2), daemon);
            await ApplyWhenReadyAsync(client, listener, Url(ShutterAddress), "open");
            Assert.Equal(0, shutter.Closure);

            var terrace = SimulatedIoNode.Awning(2, AwningAddress, "Terrace");
            terrace.MaximumClosure = 70;
            klf.AddDiscoverable(terrace);
            var (status, started) = await client.PostJsonAsync($"config/{gateway}/io/discoverActuators");
            Assert.Equal(200, status);
            var discovery = started.GetProperty("execId").GetString()!;
            // As the box's io discover calls: the execId's ExecutionStateChangedEvents, DeviceCreatedEvent for the new node.
            var discovered = await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == Url(AwningAddress))
                && all.Any(e => e.IsExecutionEnd(discovery)));
            Assert.Equal("COMPLETED", discovered.Single(e => e.IsExecutionEnd(discovery)).GetProperty("newState").GetString());
            Assert.Contains(discovered, e => Name(e) == "ExecutionStateChangedEvent" && e.GetProperty("execId").GetString() == discovery
                && e.GetProperty("newState").GetString() == "IN_PROGRESS");
            Assert.DoesNotContain(discovered, e => Name(e)!.StartsWith("IoDiscoverActuators", StringComparison.Ordinal));
            await WaitForStateAsync(client, Url(AwningAddress), "io:MaximumClosureLimitState", v => v.GetInt32() == 70);
        }

        await using (var daemon = await DaemonProcess.StartAsync(data, arguments))
        {
            using var client = daemon.Client(token);
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await ApplyWhenReadyAsync(client, listener, Url(WindowAddress), "setClosure", 25);
            Assert.Equal(25, window.Closure);
            Assert.Equal("Kitchen", (await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(Url(ShutterAddress))}")).Body.GetProperty("label").GetString());
            var urls = await DeviceUrlsAsync(client);
            Assert.Equal(3, urls.Count(u => u.StartsWith("io://", StringComparison.Ordinal)));

            using (var removed = await client.DeleteAsync($"setup/devices/{Uri.EscapeDataString(Url(AwningAddress))}"))
                Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceRemovedEvent" && DeviceUrlOf(e) == Url(AwningAddress)));
            Assert.DoesNotContain(klf.Nodes, n => n.IoAddress == AwningAddress);
        }
    }

    private static async Task ApplyWhenReadyAsync(HttpClient client, string listener, string url, string command, params object[] parameters)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var execId = await client.ApplyAsync(url, command, parameters);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            var end = events.Single(e => e.IsExecutionEnd(execId));
            if (end.GetProperty("newState").GetString() == "COMPLETED") return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the command never completed: " + end);
            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> DeviceUrlsAsync(HttpClient client)
    {
        var (_, devices) = await client.GetJsonAsync("setup/devices");
        return [.. devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString()!)];
    }

    private static async Task WaitForStateAsync(HttpClient client, string url, string state, Func<JsonElement, bool> wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var (status, body) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(url)}/states/{Uri.EscapeDataString(state)}");
            if (status == 200 && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("value", out var value) && wanted(value)) return;
            last = body.ToString();
            await Task.Delay(100);
        }
        throw new TimeoutException($"{state} of {url} never reached the expected value; last {last}");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, DaemonProcess daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never became true; daemon output:\n" + daemon.Output);
            await Task.Delay(50);
        }
    }

    private static int Number(JsonElement value) => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt32();

    private static string? Name(JsonElement e) => e.GetProperty("name").GetString();

    private static string? DeviceUrlOf(JsonElement e) => e.TryGetProperty("deviceURL", out var url) ? url.GetString() : null;
}
