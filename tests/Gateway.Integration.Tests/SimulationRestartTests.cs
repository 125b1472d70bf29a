using System.Net.Sockets;
using System.Text.Json;
using Gateway.Radio.EnOcean.Protocol.Esp3;
using Gateway.Radio.EnOcean.Simulator;

namespace Gateway.Integration.Tests;

/// <summary>The simulated home and the EnOcean simulator across restarts, as a newcomer stops and starts them.</summary>
public class SimulationRestartTests
{
    [Fact]
    public async Task A_shutter_killed_mid_travel_comes_back_standing_where_it_was()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, shutter;
            await using (var first = await DaemonProcess.StartAsync(data, "--Gateway:Radios:Simulated:TravelSeconds=60"))
            {
                token = await first.CreateTokenAsync("settle");
                using var client = first.Client(token);
                shutter = $"sim://{await client.GatewayIdAsync()}/1100001";
                await client.ApplyAsync(shutter, "close");
                await WaitForAsync(client, shutter, states => Int(states, "core:ClosureState") >= 3);
                await first.KillAsync();
            }

            // Without its radio the gateway shows what it stored: the shutter was recorded as moving.
            await using (var stored = await DaemonProcess.StartAsync(data, "--Gateway:Radios:Simulated:Enabled=false"))
            {
                using var client = stored.Client(token);
                var states = await StatesAsync(client, shutter);
                Assert.True(Bool(states, "core:MovingState"));
                Assert.Equal(100, Int(states, "core:TargetClosureState"));
                await stored.StopAsync();
            }

            await using var second = await DaemonProcess.StartAsync(data);
            using var again = second.Client(token);
            var settled = await WaitForAsync(again, shutter, states => !Bool(states, "core:MovingState"));
            Assert.Equal(Int(settled, "core:ClosureState"), Int(settled, "core:TargetClosureState"));
            // Where it was last stored (the last report before the kill may not have reached the disk), not at the old target.
            Assert.InRange(Int(settled, "core:ClosureState"), 0, 99);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task The_enocean_simulator_accepts_a_new_connection_after_the_previous_one_dropped()
    {
        await using var server = new TcpDongleServer(0, baudRate: 0);
        server.Start();
        using (var first = new TcpClient())
        {
            await first.ConnectAsync("127.0.0.1", server.Port);
            Assert.NotNull(await ReadVersionAnswerAsync(first));
        }

        using var second = new TcpClient();
        await second.ConnectAsync("127.0.0.1", server.Port);
        var answer = await ReadVersionAnswerAsync(second);
        Assert.Equal(Esp3PacketType.Response, answer.PacketType);
        Assert.Equal((byte)Esp3ReturnCode.Ok, answer.Data[0]);
        Assert.Equal(2, server.Sessions);
    }

    [Fact]
    public async Task The_enocean_simulator_prints_its_usage_for_help_and_exits()
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "enocean-sim.dll"));
        info.ArgumentList.Add("--help");
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("usage: enocean-sim [PORT]", await stdout);
    }

    private static async Task<Esp3Packet> ReadVersionAnswerAsync(TcpClient client)
    {
        var stream = client.GetStream();
        await stream.WriteAsync(new Esp3Packet(Esp3PacketType.CommonCommand, [Esp3Commands.CoRdVersion], []).Encode());
        var reader = new Esp3FrameReader();
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.NotEqual(0, read);
            reader.Append(buffer.AsSpan(0, read));
            if (reader.TryRead(out var packet)) return packet;
        }
    }

    private static async Task<JsonElement> StatesAsync(HttpClient client, string device)
    {
        var (status, states) = await client.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape(device)}/states");
        Assert.Equal(200, status);
        return states;
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string device, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var states = await StatesAsync(client, device);
            if (condition(states)) return states;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(states.ToString());
            await Task.Delay(100);
        }
    }

    private static JsonElement State(JsonElement states, string name) =>
        states.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("value");

    private static int Int(JsonElement states, string name) => State(states, name).GetInt32();

    private static bool Bool(JsonElement states, string name) => State(states, name).GetBoolean();
}
