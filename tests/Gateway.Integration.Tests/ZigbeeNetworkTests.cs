using System.Text;
using System.Text.Json;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>
/// The Zigbee network through the real daemon: stored in its database and compared at the next start, backed up and
/// restored over the API, opened for joining with joinNetwork. A simulated coordinator sits on a pty pair; its
/// memory outlives the simulator, as a dongle's NV outlives a daemon restart.
/// </summary>
public class ZigbeeNetworkTests
{
    private const ulong ReplacementIeee = 0x00124B00AABBCCDD;

    [Fact]
    public async Task The_network_is_stored_and_survives_a_restart_and_a_coordinator_with_another_network_is_restored_from_a_backup()
    {
        var data = DaemonProcess.NewDataDirectory();
        var original = new ZnpCoordinatorMemory();
        string token, backup;
        await using (var pty = await SocatPair.StartAsync())
        await using (var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200), memory: original))
        {
            await coordinator.StartAsync(default);
            await using var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:Zigbee:Port={pty.PathA}", "--Gateway:Radios:Zigbee:Channel=15");
            token = await daemon.CreateTokenAsync("zigbee");
            using var client = daemon.Client(token);
            backup = await BackupWhenReadyAsync(client);
            using var document = JsonDocument.Parse(backup);
            Assert.Equal(original.Network!.PanId.ToString("x4"), document.RootElement.GetProperty("pan_id").GetString());
            Assert.Equal(15, document.RootElement.GetProperty("channel").GetInt32());
            Assert.Equal(Convert.ToHexStringLower(original.Network.NetworkKey), document.RootElement.GetProperty("network_key").GetProperty("key").GetString());
        }

        // A stick running someone else's network: the daemon keeps its stored network and refuses to treat it as its own.
        var stranger = ZnpCoordinatorMemory.WithNetwork(ReplacementIeee);
        await using (var pty = await SocatPair.StartAsync())
        await using (var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200), ReplacementIeee, memory: stranger))
        {
            await coordinator.StartAsync(default);
            await using var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:Zigbee:Port={pty.PathA}");
            using var client = daemon.Client(token);
            await WaitForAsync(() => daemon.Output.Contains("runs another network than the one stored"), () => daemon.Output);
            Assert.Equal(original.Network!.PanId.ToString("x4"), PanIdOf(await BackupWhenReadyAsync(client)));

            using var restore = await client.PostAsync("/gatewayd/zigbee/restore", new StringContent(backup, Encoding.UTF8, "application/json"));
            Assert.Equal(200, (int)restore.StatusCode);
            await WaitForAsync(() => stranger.Network?.PanId == original.Network.PanId && coordinator.State == ZdoState.Coordinator, () => daemon.Output);
            Assert.Equal(original.Network.NetworkKey, stranger.Network!.NetworkKey);
            Assert.True(stranger.FrameCounter >= 5000);

            using var malformed = await client.PostAsync("/gatewayd/zigbee/restore", new StringContent("{\"pan_id\":1}", Encoding.UTF8, "application/json"));
            Assert.Equal(400, (int)malformed.StatusCode);
            using var error = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync());
            Assert.Equal("INVALID_PARAMETER", error.RootElement.GetProperty("errorCode").GetString());
        }
    }

    [Fact]
    public async Task Join_network_opens_the_coordinator_for_joining_answers_an_exec_id_and_a_device_that_joins_is_interviewed()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200), formed: true);
        await coordinator.StartAsync(default);
        await using var daemon = await DaemonProcess.StartAsync(DaemonProcess.NewDataDirectory(), $"--Gateway:Radios:Zigbee:Port={pty.PathA}");
        using var client = daemon.Client(await daemon.CreateTokenAsync("zigbee-join"));
        var gateway = await client.GatewayIdAsync();
        await WaitForAsync(() => coordinator.State == ZdoState.Coordinator && coordinator.RegisteredEndpoints.Count == 1, () => daemon.Output);

        var (status, body) = await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork");
        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("execId").GetString()));
        Assert.True(coordinator.PermittingJoins);
        var permit = coordinator.Received.Last(f => f.Is(Gateway.Radio.Zigbee.Protocol.Mt.MtType.Sreq, Gateway.Radio.Zigbee.Protocol.Mt.MtSubsystem.Zdo, ZdoCommands.MgmtPermitJoinReqId));
        Assert.Equal(254, permit.Data[3]);

        var bulb = ZclNode.For(new Gateway.Radio.Zigbee.Simulator.Devices.SimulatedBulb(0x00178801086F2A3B, 0x4A1C), coordinator);
        Assert.True(await coordinator.JoinAsync(bulb));
        await WaitForAsync(() => daemon.Output.Contains("Zigbee device 00178801086F2A3B interviewed: 1 endpoint"), () => daemon.Output);
        Assert.Equal(3, bulb.InterviewRequests);

        var (wrongStatus, wrong) = await client.PostJsonAsync("config/0000-0000-0000/zigbee/joinNetwork");
        Assert.Equal(400, wrongStatus);
        Assert.Equal("Unknown object.", wrong.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_coordinator_that_stops_answering_is_reset_by_the_watchdog_and_its_network_resumed_once_it_answers_again()
    {
        await using var pty = await SocatPair.StartAsync();
        var memory = ZnpCoordinatorMemory.WithNetwork(ZnpCoordinatorSimulator.DefaultIeeeAddress);
        var panId = memory.Network!.PanId;
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, 115200), memory: memory);
        await coordinator.StartAsync(default);
        await using var daemon = await DaemonProcess.StartAsync(DaemonProcess.NewDataDirectory(), $"--Gateway:Radios:Zigbee:Port={pty.PathA}",
            "--Gateway:Radios:Zigbee:WatchdogIntervalSeconds=0.5", "--Gateway:Radios:Zigbee:SrspTimeoutSeconds=1");
        using var client = daemon.Client(await daemon.CreateTokenAsync("zigbee-wedged"));
        var gateway = await client.GatewayIdAsync();
        await WaitForAsync(() => coordinator.State == ZdoState.Coordinator && coordinator.RegisteredEndpoints.Count == 1, () => daemon.Output);

        coordinator.Silent = true;
        await WaitForAsync(() => daemon.Output.Contains("did not answer the watchdog ping"), () => daemon.Output);
        var (refusedStatus, _) = await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork");
        Assert.Equal(400, refusedStatus);

        var resetsBefore = coordinator.Resets;
        coordinator.Silent = false;
        await WaitForAsync(() => coordinator.Resets > resetsBefore && coordinator.State == ZdoState.Coordinator, () => daemon.Output);
        await WaitForAsync(() => coordinator.RegisteredEndpoints.Count == 1, () => daemon.Output);
        Assert.Equal(panId, memory.Network!.PanId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int status;
        while ((status = (await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork")).Status) != 200 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(200, status);
        Assert.True(coordinator.PermittingJoins);
    }

    private static string PanIdOf(string backup)
    {
        using var document = JsonDocument.Parse(backup);
        return document.RootElement.GetProperty("pan_id").GetString()!;
    }

    /// <summary>The backup route answers once the coordinator has started and its network is known.</summary>
    private static async Task<string> BackupWhenReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/gatewayd/zigbee/backup");
            if (response.IsSuccessStatusCode) return await response.Content.ReadAsStringAsync();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no backup: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(100);
        }
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
}
