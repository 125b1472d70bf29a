using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Simulator;
using Gateway.Radio.ZWave.Simulator.Nodes;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>
/// The Z-Wave command classes through the real daemon, a simulated controller on a pty pair and the local API: a
/// thermostat's setpoint (Supervision) becomes core:TargetTemperatureState, a double switch's endpoints are devices
/// of their own, a radiator valve that sleeps runs its queued command at its wake-up (later than the engine's command timeout), a scene button press is a
/// DeviceStateChangedEvent that a trigger acts on, and configuration parameters are written and read.
/// </summary>
public class ZWaveCommandClassTourTests
{
    private const string EngineCommandTimeout = "00:00:05";

    [Fact]
    public async Task Thermostat_endpoints_sleeping_valve_scene_buttons_and_parameters_through_the_local_api()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var controller = new ZWaveControllerSimulator(new LinuxSerialPort(pty.PathB, 115200));
        var thermostat = new SimulatedThermostat(7);
        var relays = new SimulatedDoubleSwitch(8);
        var remote = new SimulatedSceneController(9);
        var valve = new SimulatedThermostat(10, sleeping: true);
        foreach (var node in new SimulatedZWaveNode[] { thermostat, relays, remote, valve }) controller.AddNode(node);
        await controller.StartAsync(default);

        // A short engine command timeout: the sleeping valve's command must outlive it.
        await using var daemon = await DaemonProcess.StartAsync(DaemonProcess.NewDataDirectory(), $"--Gateway:Radios:ZWave:Port={pty.PathA}",
            $"--Gateway:Engine:CommandTimeout={EngineCommandTimeout}");
        using var client = daemon.Client(await daemon.CreateTokenAsync("zwave-cc"));
        var gateway = await client.GatewayIdAsync();
        string Url(string address) => $"zwave://{gateway}/{address}";
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        var devices = await WaitForDevicesAsync(client, [Url("7"), Url("8#1"), Url("8#2"), Url("9"), Url("10")]);
        Assert.Equal("zwave:ThermostatComponent", KindOf(devices, Url("7")));
        Assert.Equal("zwave:SceneControllerComponent", KindOf(devices, Url("9")));
        Assert.DoesNotContain(devices.EnumerateArray(), d => d.GetProperty("deviceURL").GetString() == Url("8"));
        await WaitForAsync(() => valve.WakeUpIntervalSeconds == 3600 && thermostat.LifelineNodeId == 1, "lifeline and wake-up interval set at the interview", () => daemon.Output);
        // The valve's interview ends with reading it (its battery last): from then on only the test's commands go to it.
        await WaitForAsync(() => valve.Received.Any(p => p is [CommandClassId.Battery, BatteryCommandClass.GetCommand, ..]), "the valve was read", () => daemon.Output);

        // Thermostat: setpoint in Supervision, done on the Supervision Report, state from the setpoint report.
        var heat = await client.ApplyAsync(Url("7"), "setTargetTemperature", 21.5);
        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(heat)));
        Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(heat)).GetProperty("newState").GetString());
        Assert.Equal(21.5, thermostat.Setpoint);
        Assert.Contains(controller.SendDataLog, s => s.NodeId == 7 && s.Payload[0] == CommandClassId.Supervision);
        await WaitForStateAsync(client, Url("7"), "core:TargetTemperatureState", v => v.GetDouble() == 21.5);

        // Endpoints: #2 is switched alone.
        var second = await client.ApplyAsync(Url("8#2"), "on");
        events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(second)));
        Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(second)).GetProperty("newState").GetString());
        Assert.True(relays.IsOn(2));
        Assert.False(relays.IsOn(1));

        // Sleeping valve: the command waits in progress until the valve wakes up, longer than the engine's command timeout.
        valve.Asleep = true;
        var cooler = await client.ApplyAsync(Url("10"), "setTargetTemperature", 17);
        events = await client.FetchUntilAsync(listener, all => all.Any(e => IsInProgress(e, cooler)));
        // A witness that the engine's timeout has passed since: a thermostat command the device keeps "working" on,
        // started after the valve's, fails on it.
        thermostat.SupervisionStatus = SupervisionCommandClass.Working;
        var witness = await client.ApplyAsync(Url("7"), "setTargetTemperature", 25);
        events.AddRange(await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(witness))));
        thermostat.SupervisionStatus = SupervisionCommandClass.Success;
        var witnessEnd = events.Single(e => e.IsExecutionEnd(witness));
        Assert.Equal("FAILED", witnessEnd.GetProperty("newState").GetString());
        Assert.Equal("ACTUATORNOANSWER", witnessEnd.GetProperty("failureType").GetString());
        Assert.DoesNotContain(events, e => e.IsExecutionEnd(cooler));
        Assert.Equal(200, (await client.GetJsonAsync($"exec/current/{cooler}")).Status);
        Assert.Equal(20, valve.Setpoint);
        valve.WakeUp();
        events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(cooler)));
        Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(cooler)).GetProperty("newState").GetString());
        Assert.Equal(17, valve.Setpoint);
        await WaitForAsync(() => valve.Asleep, "the valve was sent back to sleep", () => daemon.Output);

        // The valve's wake-up interval, changed through the API while it sleeps: sent at its next wake-up.
        using (var put = await client.PutAsJsonAsync("/gatewayd/zwave/nodes/10/wakeUpInterval", new { seconds = 1800 }))
        {
            var body = await put.Content.ReadAsStringAsync();
            Assert.True((int)put.StatusCode == 202, body);
            Assert.Equal(1800, JsonDocument.Parse(body).RootElement.GetProperty("pending").GetInt32());
        }
        var (pendingStatus, pending) = await client.GetJsonAsync("/gatewayd/zwave/nodes/10/wakeUpInterval");
        Assert.Equal(200, pendingStatus);
        Assert.Equal((3600, 1800), (pending.GetProperty("seconds").GetInt32(), pending.GetProperty("pending").GetInt32()));
        Assert.Equal(3600, valve.WakeUpIntervalSeconds);
        valve.WakeUp();
        await WaitForAsync(() => valve.Asleep && valve.WakeUpIntervalSeconds == 1800, "the new interval was sent at the wake-up", () => daemon.Output);
        var (intervalStatus, interval) = await client.GetJsonAsync("/gatewayd/zwave/nodes/10/wakeUpInterval");
        Assert.Equal(200, intervalStatus);
        Assert.Equal(1800, interval.GetProperty("seconds").GetInt32());
        Assert.False(interval.TryGetProperty("pending", out _));
        using (var listening = await client.PutAsJsonAsync("/gatewayd/zwave/nodes/7/wakeUpInterval", new { seconds = 1800 }))
            Assert.Equal(400, (int)listening.StatusCode);

        // Scene button 1 pressed: a state change event, and a trigger on it switches endpoint #1 on.
        var switchOn = JsonSerializer.Serialize(new
        {
            label = "Button 1 lights the first relay",
            actions = new[] { new { deviceURL = Url("8#1"), commands = new[] { new { name = "on", parameters = Array.Empty<object>() } } } },
        });
        var actionGroup = (await client.PostJsonAsync("actionGroups", switchOn)).Body.GetProperty("actionGroupOID").GetString()!;
        var (groupStatus, group) = await client.PostJsonAsync("conditionGroups", $$"""
            {"label":"Button 1","conditions":[{"staticDeviceStateCondition":{"deviceURL":"{{Url("9")}}","stateName":"zwave:CentralSceneState","operator":"EQUALS","value1":"1:pressed"} }]}
            """);
        Assert.Equal(201, groupStatus);
        var (created, trigger) = await client.PostJsonAsync("triggers", $$"""
            {"ifThenSetupTrigger":{"label":"Button 1","mode":1,
              "rootConditionBlock":{"andBlock":{"activationDelay":1,"subConditionBlocks":[{"conditionGroupReference":{"conditionGroupOID":"{{group.GetProperty("conditionGroupOID").GetString()}}"} }]} },
              "effects":[{"actionGroupEffect":{"actionGroupOID":"{{actionGroup}}"} }]} }
            """);
        Assert.True(created == 201, trigger.ToString());
        await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "SetupTriggerCreatedEvent"));
        remote.Press(1);
        events = await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "DeviceStateChangedEvent"
            && e.GetProperty("deviceURL").GetString() == Url("9")
            && e.GetProperty("deviceStates").EnumerateArray().Any(s => s.GetProperty("name").GetString() == "zwave:CentralSceneState" && s.GetProperty("value").GetString() == "1:pressed")));
        await WaitForAsync(() => relays.IsOn(1), "the trigger switched endpoint 1 on", () => daemon.Output);

        // Configuration parameters.
        using (var put = await client.PutAsJsonAsync($"/gatewayd/zwave/nodes/7/parameters/3", new { value = -300, size = 2 }))
        {
            var body = await put.Content.ReadAsStringAsync();
            Assert.True(put.IsSuccessStatusCode, body);
            Assert.Equal(-300, JsonDocument.Parse(body).RootElement.GetProperty("value").GetInt64());
        }
        Assert.Equal((2, -300L), thermostat.Parameters[3]);
        thermostat.Parameters[4] = (1, 7);
        var (getStatus, parameter) = await client.GetJsonAsync("/gatewayd/zwave/nodes/7/parameters/4");
        Assert.Equal(200, getStatus);
        Assert.Equal(7, parameter.GetProperty("value").GetInt64());
        using (var bad = await client.PutAsJsonAsync($"/gatewayd/zwave/nodes/7/parameters/3", new { value = 300, size = 1 }))
        {
            Assert.Equal(400, (int)bad.StatusCode);
            Assert.Equal("INVALID_PARAMETER", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errorCode").GetString());
        }
        var (noNode, _) = await client.GetJsonAsync("/gatewayd/zwave/nodes/55/parameters/1");
        Assert.Equal(400, noNode);
    }

    private static bool IsInProgress(JsonElement e, string execId) =>
        e.GetProperty("name").GetString() == "ExecutionStateChangedEvent" && e.GetProperty("execId").GetString() == execId
        && e.GetProperty("newState").GetString() == "IN_PROGRESS";

    private static string? KindOf(JsonElement devices, string url) =>
        devices.EnumerateArray().Single(d => d.GetProperty("deviceURL").GetString() == url).GetProperty("controllableName").GetString();

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

    private static async Task WaitForAsync(Func<bool> condition, string what, Func<string> context)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"never happened: {what}; daemon output:\n" + context());
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
