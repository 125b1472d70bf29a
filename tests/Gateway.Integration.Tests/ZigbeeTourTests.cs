using System.Text.Json;
using Gateway.Radio.Zigbee;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>
/// The Zigbee tour through the real daemon: a simulated coordinator on a pty pair, a bulb, a thermometer and a cover
/// pair through joinNetwork, are interviewed and created, obey /exec/apply, report live, and are still driven after a
/// daemon restart without pairing again.
/// </summary>
public class ZigbeeTourTests
{
    private const ulong BulbIeee = 0x000B57FFFE3A1C2D;
    private const ulong ThermometerIeee = 0x00158D0001A2B3C4;
    private const ulong CoverIeee = 0x0015BC001A00C0DE;

    [Fact]
    public async Task Pair_a_bulb_a_thermometer_and_a_cover_drive_them_see_reports_and_restart_without_pairing_again()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200));
        await coordinator.StartAsync(default);
        var bulb = new SimulatedBulb(BulbIeee, 0x1A2B);
        var thermometer = new SimulatedThermometer(ThermometerIeee, 0x3C4D);
        using var cover = new SimulatedCover(CoverIeee, 0x5E6F, TimeProvider.System, TimeSpan.FromSeconds(1));
        var bulbNode = ZclNode.For(bulb, coordinator);
        var data = DaemonProcess.NewDataDirectory();
        string token, gateway;
        string Url(ulong ieee, byte endpoint) => $"zigbee://{gateway}/{ZigbeeRadio.AddressOf(ieee, endpoint)}";

        await using (var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:Zigbee:Port={pty.PathA}"))
        {
            token = await daemon.CreateTokenAsync("zigbee-tour");
            using var client = daemon.Client(token);
            gateway = await client.GatewayIdAsync();
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await WaitForAsync(() => coordinator.State == ZdoState.Coordinator && coordinator.RegisteredEndpoints.Count == 1, () => daemon.Output);

            // The simulator can look ready a moment before the daemon's radio finished its start-up; until then the
            // gateway answers 400, as it should.
            var joined = 0;
            for (var attempt = 0; attempt < 300 && joined != 200; attempt++)
            {
                if (attempt > 0) await Task.Delay(100);
                joined = (await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork")).Status;
            }
            Assert.Equal(200, joined);
            Assert.True(await coordinator.JoinAsync(bulbNode));
            Assert.True(await coordinator.JoinAsync(ZclNode.For(thermometer, coordinator)));
            Assert.True(await coordinator.JoinAsync(ZclNode.For(cover, coordinator)));
            string[] expected = [Url(BulbIeee, 1), Url(ThermometerIeee, 1), Url(CoverIeee, 1)];
            await client.FetchUntilAsync(listener, all => expected.All(url => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == url)), seconds: 60);

            var dim = await client.ApplyAsync(Url(BulbIeee, 1), "setIntensity", 40);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(dim)));
            Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(dim)).GetProperty("newState").GetString());
            Assert.InRange(bulb.Level, 100, 103);
            await WaitForStateAsync(client, Url(BulbIeee, 1), "core:LightIntensityState", v => v.GetInt32() == 40);

            var close = await client.ApplyAsync(Url(CoverIeee, 1), "close");
            events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(close)));
            Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(close)).GetProperty("newState").GetString());
            await WaitForStateAsync(client, Url(CoverIeee, 1), "core:ClosureState", v => v.GetInt32() == 100);
            Assert.Equal(100, cover.Position);

            thermometer.SetTemperature(23.4);
            await WaitForStateAsync(client, Url(ThermometerIeee, 1), "core:TemperatureState", v => Math.Abs(v.GetDouble() - 23.4) < 0.01);
        }

        var interviewRequests = bulbNode.InterviewRequests;
        await using (var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:Zigbee:Port={pty.PathA}"))
        {
            using var client = daemon.Client(token);
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await WaitForAsync(() => daemon.Output.Contains("Zigbee coordinator") && coordinator.State == ZdoState.Coordinator && coordinator.Resets == 2, () => daemon.Output);

            var off = await ApplyWhenReadyAsync(client, listener, Url(BulbIeee, 1), "off");
            Assert.False(bulb.IsOn);
            Assert.Equal(interviewRequests, bulbNode.InterviewRequests);
            var (_, devices) = await client.GetJsonAsync("setup/devices");
            Assert.Equal(3, devices.EnumerateArray().Count(d => d.GetProperty("deviceURL").GetString()!.StartsWith("zigbee://", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Pair_an_IAS_motion_sensor_and_an_occupancy_sensing_one_and_see_their_motion_live()
    {
        const ulong iasIeee = 0x00158D000223A4B5, occupancyIeee = 0x0017880103C4D5E6;
        await using var pty = await SocatPair.StartAsync();
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200));
        await coordinator.StartAsync(default);
        var ias = new SimulatedMotionSensor(iasIeee, 0x4A5B, ias: true, manufacturer: "LUMI", model: "lumi.sensor_motion");
        var occupancy = new SimulatedMotionSensor(occupancyIeee, 0x6C7D);

        await using var daemon = await DaemonProcess.StartAsync(DaemonProcess.NewDataDirectory(), $"--Gateway:Radios:Zigbee:Port={pty.PathA}");
        using var client = daemon.Client(await daemon.CreateTokenAsync("zigbee-motion"));
        var gateway = await client.GatewayIdAsync();
        string Url(ulong ieee) => $"zigbee://{gateway}/{ZigbeeRadio.AddressOf(ieee, SimulatedMotionSensor.Endpoint)}";
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        await WaitForAsync(() => coordinator.State == ZdoState.Coordinator && coordinator.RegisteredEndpoints.Count == 1, () => daemon.Output);

        Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork")).Status);
        Assert.True(await coordinator.JoinAsync(ZclNode.For(ias, coordinator)));
        Assert.True(await coordinator.JoinAsync(ZclNode.For(occupancy, coordinator)));
        string[] expected = [Url(iasIeee), Url(occupancyIeee)];
        await client.FetchUntilAsync(listener, all => expected.All(url => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == url)), seconds: 60);
        await WaitForAsync(() => ias.Enrolled, () => daemon.Output);

        ias.SetMotion(true);
        await WaitForStateAsync(client, Url(iasIeee), "core:OccupancyState", v => v.GetString() == "personInside");
        occupancy.SetMotion(true);
        await WaitForStateAsync(client, Url(occupancyIeee), "core:OccupancyState", v => v.GetString() == "personInside");
        ias.SetMotion(false);
        await WaitForStateAsync(client, Url(iasIeee), "core:OccupancyState", v => v.GetString() == "noPersonInside");
    }

    /// <summary>Right after a restart the coordinator may still be starting: an execution that fails NON_EXECUTING is tried again.</summary>
    private static async Task<string> ApplyWhenReadyAsync(HttpClient client, string listener, string url, string command)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var execId = await client.ApplyAsync(url, command);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            var end = events.Single(e => e.IsExecutionEnd(execId));
            if (end.GetProperty("newState").GetString() == "COMPLETED") return execId;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the command never completed: " + end);
            await Task.Delay(200);
        }
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
