using System.Text.Json;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.Simulator;
using Gateway.Radio.ZWave.Simulator.Nodes;
using Gateway.Serial.Linux;
using Gateway.TestSupport;

namespace Gateway.Integration.Tests;

/// <summary>
/// Z-Wave controller management through the real daemon, a simulated controller on a pty pair and the local HTTPS API:
/// inclusion → interview → control → restart → exclusion; gatewayctl pair; a controller that goes silent in the middle of
/// a transaction and comes back; a failed node shown unavailable and removed with failedDevice.
/// </summary>
public class ZWaveNetworkManagementTests
{
    private static readonly string[] FastController = ["--Gateway:Radios:ZWave:AckTimeoutMilliseconds=300", "--Gateway:Radios:ZWave:ResponseTimeoutSeconds=2"];

    private static async Task<ZWaveControllerSimulator> ControllerAsync(SocatPair pty, params SimulatedZWaveNode[] nodes)
    {
        var controller = new ZWaveControllerSimulator(new LinuxSerialPort(pty.PathB, 115200));
        foreach (var node in nodes) controller.AddNode(node);
        await controller.StartAsync(default);
        return controller;
    }

    private static bool Named(JsonElement e, string name, string? deviceUrl = null) =>
        e.GetProperty("name").GetString() == name
        && (deviceUrl is null || (e.TryGetProperty("deviceURL", out var url) && url.GetString() == deviceUrl));

    [Fact]
    public async Task A_device_included_through_the_api_is_interviewed_driven_kept_across_a_restart_and_excluded()
    {
        await using var pty = await SocatPair.StartAsync();
        var plug = new SimulatedSwitch(2);
        await using var controller = await ControllerAsync(pty, plug, new SimulatedDimmer(3));
        var data = DaemonProcess.NewDataDirectory();
        var newPlug = new SimulatedSwitch(7);
        string token, gateway, url;

        await using (var daemon = await DaemonProcess.StartAsync(data, [$"--Gateway:Radios:ZWave:Port={pty.PathA}", .. FastController]))
        {
            token = await daemon.CreateTokenAsync("zwave-inclusion");
            using var client = daemon.Client(token);
            gateway = await client.GatewayIdAsync();
            url = $"zwave://{gateway}/7";
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await WaitForAsync(async () => await HasDeviceAsync(client, $"zwave://{gateway}/3"), "the network was adopted", daemon);
            var (_, capability) = await client.GetJsonAsync($"config/{gateway}/zwave/controllerCapability");
            Assert.Equal(2, capability.GetProperty("controllerCapability").GetInt32());

            var (status, started) = await client.PostJsonAsync($"config/{gateway}/zwave/pairing/inclusion/start", """{"timeout": 60, "mode": "normal"}""");
            Assert.Equal(200, status);
            Assert.False(string.IsNullOrEmpty(started.GetProperty("execId").GetString()));
            Assert.True(controller.Including);
            await client.FetchUntilAsync(listener, all => all.Any(e => Named(e, "ZWaveSetModeCompleteEvent")));

            Assert.True(controller.PressButton(newPlug));
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => Named(e, "DeviceCreatedEvent", url)));
            Assert.Equal("zwave:OnOffSwitchComponent", events.Single(e => Named(e, "DeviceCreatedEvent", url)).GetProperty("controllableName").GetString());
            Assert.False(controller.Including);

            var on = await client.ApplyAsync(url, "on");
            events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(on)));
            Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(on)).GetProperty("newState").GetString());
            Assert.True(newPlug.IsOn);

            var (badMode, error) = await client.PostJsonAsync($"config/{gateway}/zwave/pairing/exclusion/start", """{"mode": "loud"}""");
            Assert.Equal(400, badMode);
            Assert.Equal("INVALID_PARAMETER", error.GetProperty("errorCode").GetString());
        }

        var interviews = newPlug.InterviewRequests;
        await using (var daemon = await DaemonProcess.StartAsync(data, [$"--Gateway:Radios:ZWave:Port={pty.PathA}", .. FastController]))
        {
            using var client = daemon.Client(token);
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            Assert.True(await HasDeviceAsync(client, url));
            await ApplyWhenReadyAsync(client, listener, url, "off");
            Assert.False(newPlug.IsOn);
            Assert.Equal(interviews, newPlug.InterviewRequests);

            // The generic pairing path (gatewayctl) opens and closes Z-Wave inclusion too.
            var (exit, stdout, stderr) = await GatewayctlBinary.RunAsync(["--data-dir", data, "pair", "zwave", "start", "--seconds", "60"]);
            Assert.True(exit == 0, stderr);
            Assert.Contains("open", stdout);
            Assert.True(controller.Including);
            (exit, stdout, stderr) = await GatewayctlBinary.RunAsync(["--data-dir", data, "pair", "zwave", "stop"]);
            Assert.True(exit == 0, stderr);
            Assert.Contains("closed", stdout);
            await WaitForAsync(() => Task.FromResult(!controller.Including), "the controller left inclusion mode", daemon);

            var (status, _) = await client.PostJsonAsync($"config/{gateway}/zwave/pairing/exclusion/start");
            Assert.Equal(200, status);
            Assert.True(controller.Excluding);
            Assert.True(controller.PressButton(newPlug));
            await client.FetchUntilAsync(listener, all => all.Any(e => Named(e, "DeviceRemovedEvent", url)));
            Assert.False(await HasDeviceAsync(client, url));
            Assert.True(await HasDeviceAsync(client, $"zwave://{gateway}/2"));
            await WaitForAsync(() => Task.FromResult(!controller.Excluding), "the controller left exclusion mode", daemon);
        }
    }

    [Fact]
    public async Task A_controller_silent_mid_transaction_recovers_and_a_failed_node_is_removed_with_failedDevice()
    {
        await using var pty = await SocatPair.StartAsync();
        var plug = new SimulatedSwitch(2);
        var dimmer = new SimulatedDimmer(3);
        await using var controller = await ControllerAsync(pty, plug, dimmer);
        await using var daemon = await DaemonProcess.StartAsync(null, [$"--Gateway:Radios:ZWave:Port={pty.PathA}", .. FastController]);
        using var client = daemon.Client(await daemon.CreateTokenAsync("zwave-robustness"));
        var gateway = await client.GatewayIdAsync();
        string Url(int node) => $"zwave://{gateway}/{node}";
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        await WaitForAsync(async () => await HasDeviceAsync(client, Url(2)) && await HasDeviceAsync(client, Url(3)), "the network was adopted", daemon);

        // The controller ACKs the SendData, then says nothing more: the execution fails, the gateway reopens the link.
        controller.SilenceAfterAcking(FunctionId.SendData);
        var lost = await client.ApplyAsync(Url(3), "setIntensity", 30);
        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(lost)));
        var end = events.Single(e => e.IsExecutionEnd(lost));
        Assert.Equal("FAILED", end.GetProperty("newState").GetString());
        Assert.Equal("NON_EXECUTING", end.GetProperty("failureType").GetString());
        controller.Silent = false;
        await WaitForAsync(() => Task.FromResult(controller.SoftResets >= 1), "the controller came back and was soft-reset", daemon);
        await ApplyWhenReadyAsync(client, listener, Url(3), "setIntensity", 30);
        Assert.Equal(SwitchMultilevelCommandClass.LevelOf(30), dimmer.Level);

        plug.Reachable = false;
        var failed = await client.ApplyAsync(Url(2), "on");
        events = await client.FetchUntilAsync(listener, all => all.Any(e => Named(e, "DeviceUnavailableEvent", Url(2))) && all.Any(e => e.IsExecutionEnd(failed)));
        Assert.Equal("ACTUATORNOANSWER", events.Single(e => e.IsExecutionEnd(failed)).GetProperty("failureType").GetString());

        var (status, body) = await client.DeleteJsonAsync($"config/{gateway}/zwave/failedDevice/2");
        Assert.True(status == 200, body.ToString());
        await client.FetchUntilAsync(listener, all => all.Any(e => Named(e, "DeviceRemovedEvent", Url(2))));
        Assert.False(await HasDeviceAsync(client, Url(2)));
        Assert.DoesNotContain(controller.Nodes, n => n.NodeId == 2);

        var (unknown, error) = await client.DeleteJsonAsync($"config/{gateway}/zwave/failedDevice/42");
        Assert.Equal(400, unknown);
        Assert.Equal("UNSPECIFIED_ERROR", error.GetProperty("errorCode").GetString());
    }

    private static async Task<bool> HasDeviceAsync(HttpClient client, string url)
    {
        var (_, devices) = await client.GetJsonAsync("setup/devices");
        return devices.EnumerateArray().Any(d => d.GetProperty("deviceURL").GetString() == url);
    }

    /// <summary>Right after a restart or a recovery the controller may still be starting: an execution that fails NON_EXECUTING is tried again.</summary>
    private static async Task ApplyWhenReadyAsync(HttpClient client, string listener, string url, string command, params object[] parameters)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var execId = await client.ApplyAsync(url, command, parameters);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)), 60);
            var end = events.Single(e => e.IsExecutionEnd(execId));
            if (end.GetProperty("newState").GetString() == "COMPLETED") return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the command never completed: " + end);
            await Task.Delay(200);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, DaemonProcess daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"never happened: {what}; daemon output:\n{daemon.Output}");
            await Task.Delay(50);
        }
    }
}
