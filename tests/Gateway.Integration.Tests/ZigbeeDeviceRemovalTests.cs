using System.Net;
using System.Text.Json;
using Gateway.Radio.Zigbee;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>
/// Removing Zigbee devices and running the Zigbee network operations through the real daemon over HTTPS, a simulated
/// ZNP coordinator on a pty pair: a removed device leaves the network, the setup and the database (also across a
/// restart) with a DeviceRemovedEvent; createNetwork, leaveNetwork, refreshNetwork and bindNetwork answer an execId
/// and end with their Zigbee…CompletedEvent.
/// </summary>
public class ZigbeeDeviceRemovalTests
{
    private const ulong BulbIeee = 0x000B57FFFE3A1C2D;
    private const ulong SensorIeee = 0x0017880103C4D5E6;

    [Fact]
    public async Task A_removed_device_leaves_the_network_the_setup_and_the_database_and_a_motion_sensor_shows_occupancy_once_paired()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200));
        await coordinator.StartAsync(default);
        var sensor = new SimulatedMotionSensor(SensorIeee, 0x6C7D);
        sensor.SetMotion(true);
        var data = DaemonProcess.NewDataDirectory();
        string token, bulbUrl, sensorUrl;

        await using (var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:Zigbee:Port={pty.PathA}"))
        {
            token = await daemon.CreateTokenAsync("zigbee-removal");
            using var client = daemon.Client(token);
            var gateway = await client.GatewayIdAsync();
            bulbUrl = $"zigbee://{gateway}/{ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint)}";
            sensorUrl = $"zigbee://{gateway}/{ZigbeeRadio.AddressOf(SensorIeee, SimulatedMotionSensor.Endpoint)}";
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await WaitForAsync(() => coordinator.State == ZdoState.Coordinator && coordinator.RegisteredEndpoints.Count == 1, () => daemon.Output);

            Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork")).Status);
            Assert.True(await coordinator.JoinAsync(ZclNode.For(new SimulatedBulb(BulbIeee, 0x1A2B), coordinator)));
            Assert.True(await coordinator.JoinAsync(ZclNode.For(sensor, coordinator)));
            await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "ZigbeeJoinNetworkCompletedEvent")
                && new[] { bulbUrl, sensorUrl }.All(url => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == url)), seconds: 60);
            // The sensor sent nothing since it joined: its occupancy was read at pairing.
            await WaitForStateAsync(client, sensorUrl, "core:OccupancyState", "personInside");

            using (var removed = await client.DeleteAsync($"setup/devices/{Uri.EscapeDataString(bulbUrl)}"))
                Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceRemovedEvent" && DeviceUrlOf(e) == bulbUrl));
            var gone = events.Single(e => Name(e) == "DeviceRemovedEvent" && DeviceUrlOf(e) == bulbUrl);
            Assert.StartsWith("zigbee:", gone.GetProperty("controllableName").GetString());
            Assert.DoesNotContain(coordinator.Nodes, n => n.Ieee == BulbIeee);
            Assert.Contains(coordinator.Nodes, n => n.Ieee == SensorIeee);
            Assert.DoesNotContain(bulbUrl, await DeviceUrlsAsync(client));
            Assert.Contains(sensorUrl, await DeviceUrlsAsync(client));

            var (again, error) = await client.DeleteJsonAsync($"setup/devices/{Uri.EscapeDataString(bulbUrl)}");
            Assert.Equal(400, again);
            Assert.Equal("NO_SUCH_DEVICE", error.GetProperty("errorCode").GetString());
            Assert.Equal($"No such device : \"{bulbUrl}\"", error.GetProperty("error").GetString());

            var (posted, _) = await client.PostJsonAsync($"setup/devices/{Uri.EscapeDataString(sensorUrl)}/_delete", "{\"purgeHistory\":true,\"forced\":false}");
            Assert.Equal(204, posted);
            await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceRemovedEvent" && DeviceUrlOf(e) == sensorUrl));
            Assert.Empty(coordinator.Nodes);
        }

        await using (var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:Zigbee:Port={pty.PathA}"))
        {
            using var client = daemon.Client(token);
            var urls = await DeviceUrlsAsync(client);
            Assert.DoesNotContain(bulbUrl, urls);
            Assert.DoesNotContain(sensorUrl, urls);
            Assert.Equal(400, (await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(bulbUrl)}")).Status);
        }
    }

    [Fact]
    public async Task Create_leave_refresh_and_bind_network_answer_an_exec_id_and_end_with_their_completed_events()
    {
        await using var pty = await SocatPair.StartAsync();
        var memory = new ZnpCoordinatorMemory();
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200), memory: memory);
        await coordinator.StartAsync(default);
        await using var daemon = await DaemonProcess.StartAsync(DaemonProcess.NewDataDirectory(), $"--Gateway:Radios:Zigbee:Port={pty.PathA}");
        using var client = daemon.Client(await daemon.CreateTokenAsync("zigbee-networks"));
        var gateway = await client.GatewayIdAsync();
        var bulbUrl = $"zigbee://{gateway}/{ZigbeeRadio.AddressOf(BulbIeee, SimulatedBulb.Endpoint)}";
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        await WaitForAsync(() => coordinator.State == ZdoState.Coordinator && coordinator.RegisteredEndpoints.Count == 1, () => daemon.Output);
        Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork")).Status);
        var bulb = new SimulatedBulb(BulbIeee, 0x1A2B);
        Assert.True(await coordinator.JoinAsync(ZclNode.For(bulb, coordinator)));
        await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == bulbUrl), seconds: 60);

        await RunAsync(client, listener, $"config/{gateway}/zigbee/refreshNetwork", "ZigbeeRefreshNetworkCompletedEvent");
        await RunAsync(client, listener, $"config/{gateway}/zigbee/bindNetwork", "ZigbeeBindNetworkCompletedEvent");

        var (badStatus, bad) = await client.PostJsonAsync($"config/{gateway}/zigbee/createNetwork/channels", "[5]");
        Assert.Equal(400, badStatus);
        Assert.Equal("INVALID_PARAMETER", bad.GetProperty("errorCode").GetString());
        var oldKey = memory.Network!.NetworkKey;
        var events = await RunAsync(client, listener, $"config/{gateway}/zigbee/createNetwork/channels", "ZigbeeCreateNetworkCompletedEvent", "[20]");
        Assert.Equal(20, memory.Network!.Channel);
        Assert.NotEqual(oldKey, memory.Network.NetworkKey);
        Assert.Contains(events, e => Name(e) == "DeviceUnavailableEvent" && DeviceUrlOf(e) == bulbUrl);
        Assert.Equal(gateway, events.Last(e => Name(e) == "ZigbeeCreateNetworkCompletedEvent").GetProperty("gatewayId").GetString());
        // The old network's devices stay in the setup, unavailable, until paired again.
        Assert.Contains(bulbUrl, await DeviceUrlsAsync(client));

        var created = memory.Network;
        await RunAsync(client, listener, $"config/{gateway}/zigbee/leaveNetwork", "ZigbeeLeaveNetworkCompletedEvent");
        Assert.NotEqual(created.NetworkKey, memory.Network!.NetworkKey);
        await RunAsync(client, listener, $"config/{gateway}/zigbee/createNetwork", "ZigbeeCreateNetworkCompletedEvent");
        Assert.Equal(11, memory.Network!.Channel);
    }

    /// <summary>Posts the operation (retrying while the coordinator restarts from the previous one) and waits for its event.</summary>
    private static async Task<List<JsonElement>> RunAsync(HttpClient client, string listener, string path, string completed, string? body = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, answer) = await client.PostJsonAsync(path, body);
            if (status == 200)
            {
                Assert.False(string.IsNullOrEmpty(answer.GetProperty("execId").GetString()));
                break;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} kept being refused: {answer}");
            await Task.Delay(200);
        }
        return await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == completed), seconds: 60);
    }

    private static async Task<List<string>> DeviceUrlsAsync(HttpClient client)
    {
        var (_, devices) = await client.GetJsonAsync("setup/devices");
        return [.. devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString()!)];
    }

    private static async Task WaitForStateAsync(HttpClient client, string url, string state, string value)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var (status, body) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(url)}/states/{Uri.EscapeDataString(state)}");
            if (status == 200 && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("value", out var found) && found.ValueKind == JsonValueKind.String && found.GetString() == value) return;
            last = body.ToString();
            await Task.Delay(100);
        }
        throw new TimeoutException($"{state} of {url} never became {value}; last {last}");
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> context)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never became true; daemon output:\n" + context());
            await Task.Delay(50);
        }
    }

    private static string? Name(JsonElement e) => e.GetProperty("name").GetString();

    private static string? DeviceUrlOf(JsonElement e) => e.TryGetProperty("deviceURL", out var url) ? url.GetString() : null;
}
