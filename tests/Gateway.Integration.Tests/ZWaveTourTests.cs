using System.Text.Json;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Simulator;
using Gateway.Radio.ZWave.Simulator.Nodes;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>
/// The Z-Wave tour through the real daemon: a simulated Serial API controller on a pty pair whose network already
/// holds a switch, a dimmer, a shutter, a multisensor and a door sensor. The gateway adopts them, /setup/devices shows
/// them, /exec/apply drives the dimmer (the controller sees the SendData), sensor reports become states, a node out of
/// reach fails its execution with ACTUATORNOANSWER, and after a restart the devices are driven again without a new interview.
/// </summary>
public class ZWaveTourTests
{
    [Fact]
    public async Task Adopt_the_existing_network_drive_the_dimmer_see_sensor_reports_and_restart_without_interview()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var controller = new ZWaveControllerSimulator(new LinuxSerialPort(pty.PathB, 115200));
        var dimmer = new SimulatedDimmer(3);
        var multisensor = new SimulatedMultisensor(5);
        var door = new SimulatedDoorSensor(6);
        var plug = new SimulatedSwitch(2);
        SimulatedZWaveNode[] nodes = [plug, dimmer, new SimulatedShutter(4), multisensor, door];
        foreach (var node in nodes) controller.AddNode(node);
        await controller.StartAsync(default);
        var data = DaemonProcess.NewDataDirectory();
        string token, gateway;
        string Url(int node) => $"zwave://{gateway}/{node}";
        var expected = new Dictionary<int, string>
        {
            [2] = "zwave:OnOffSwitchComponent",
            [3] = "zwave:DimmerLightComponent",
            [4] = "zwave:RollerShutterComponent",
            [5] = "zwave:MultiSensorComponent",
            [6] = "zwave:ContactSensorComponent",
        };

        await using (var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:ZWave:Port={pty.PathA}"))
        {
            token = await daemon.CreateTokenAsync("zwave-tour");
            using var client = daemon.Client(token);
            gateway = await client.GatewayIdAsync();
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;

            // The network is adopted as soon as the daemon starts, possibly before a listener exists: /setup/devices tells.
            var devices = await WaitForDevicesAsync(client, expected.Keys.Select(Url).ToList());
            foreach (var (node, kind) in expected)
                Assert.Equal(kind, devices.EnumerateArray().Single(d => d.GetProperty("deviceURL").GetString() == Url(node)).GetProperty("controllableName").GetString());

            var dim = await client.ApplyAsync(Url(3), "setIntensity", 40);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(dim)));
            Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(dim)).GetProperty("newState").GetString());
            Assert.Equal(SwitchMultilevelCommandClass.LevelOf(40), dimmer.Level);
            Assert.Contains(controller.SendDataLog, s => s.NodeId == 3 && s.Payload.SequenceEqual(SwitchMultilevelCommandClass.Set(SwitchMultilevelCommandClass.LevelOf(40))));
            await WaitForStateAsync(client, Url(3), "core:LightIntensityState", v => v.GetInt32() == 40);

            multisensor.SetTemperature(23.4);
            await WaitForStateAsync(client, Url(5), "core:TemperatureState", v => Math.Abs(v.GetDouble() - 23.4) < 0.01);
            door.SetOpen(true);
            await WaitForStateAsync(client, Url(6), "core:ContactState", v => v.GetString() == "open");

            plug.Reachable = false;
            var lost = await client.ApplyAsync(Url(2), "on");
            events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(lost)));
            var end = events.Single(e => e.IsExecutionEnd(lost));
            Assert.Equal("FAILED", end.GetProperty("newState").GetString());
            Assert.Equal("ACTUATORNOANSWER", end.GetProperty("failureType").GetString());
            plug.Reachable = true;
        }

        var interviews = nodes.Sum(n => n.InterviewRequests);
        await using (var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:ZWave:Port={pty.PathA}"))
        {
            using var client = daemon.Client(token);
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await WaitForAsync(() => controller.InitDataRequests == 2, () => daemon.Output);
            await ApplyWhenReadyAsync(client, listener, Url(3), "off");
            Assert.Equal(0, dimmer.Level);
            Assert.Equal(interviews, nodes.Sum(n => n.InterviewRequests));
            var (_, devices) = await client.GetJsonAsync("setup/devices");
            Assert.Equal(5, devices.EnumerateArray().Count(d => d.GetProperty("deviceURL").GetString()!.StartsWith("zwave://", StringComparison.Ordinal)));
        }
    }

    /// <summary>Right after a restart the controller may still be starting: an execution that fails NON_EXECUTING is tried again.</summary>
    private static async Task ApplyWhenReadyAsync(HttpClient client, string listener, string url, string command)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var execId = await client.ApplyAsync(url, command);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            var end = events.Single(e => e.IsExecutionEnd(execId));
            if (end.GetProperty("newState").GetString() == "COMPLETED") return;
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

    private static async Task<JsonElement> WaitForDevicesAsync(HttpClient client, IReadOnlyList<string> urls)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, devices) = await client.GetJsonAsync("setup/devices");
            var present = devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString()).ToHashSet();
            if (urls.All(present.Contains)) return devices;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"devices never all appeared; present: {string.Join(", ", present)}");
            await Task.Delay(100);
        }
    }
}
