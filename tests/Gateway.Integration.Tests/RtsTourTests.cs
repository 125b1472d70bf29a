using System.Text.Json;
using Gateway.Radio.Rts.Protocol;
using Gateway.Radio.Rts.Simulator;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>
/// Somfy RTS end to end: the real daemon on one end of a pty pair, the simulated RFXtrx433E (with motors that move in
/// time) on the other, everything through the local API: pairing, open/close, setClosure with an estimated closure,
/// "my", a restart, an unplugged transceiver and removal.
/// </summary>
public class RtsTourTests
{
    [Fact]
    public async Task Pair_a_shutter_then_drive_it_with_estimated_closure_and_my_across_a_restart_and_an_unplug()
    {
        await using var pty = await SocatPair.StartAsync();
        var memory = new TransceiverMemory();
        var motor = memory.AddMotor("bedroom", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var transceiver = new RfxtrxSimulator(new LinuxSerialPort(pty.PathB, 38400), memory);
        await transceiver.StartAsync(default);
        var data = DaemonProcess.NewDataDirectory();
        var radioArguments = new[] { $"--Gateway:Radios:Rts:Port={pty.PathA}", "--Gateway:Radios:Rts:ResetSettleMilliseconds=50" };
        string token, deviceUrl;
        try
        {
            await using (var first = await DaemonProcess.StartAsync(data, radioArguments))
            {
                token = await first.CreateTokenAsync("rts");
                using var client = first.Client(token);
                var gateway = await client.GatewayIdAsync();
                var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
                await transceiver.WaitForStartupAsync(TimeSpan.FromSeconds(30));

                // 1. Pairing: the motor is in programming mode; the gateway sends "program" on the channel it offers.
                var (status, channel) = await client.GetJsonAsync($"config/{gateway}/rts/channel");
                Assert.Equal(200, status);
                Assert.Equal(1, channel.GetProperty("rtsChannelId").GetInt32());
                motor.ProgrammingMode = true;
                var (paired, pairBody) = await client.GetJsonAsync($"config/{gateway}/rts/transferKey/1/0");
                Assert.True(paired == 200, pairBody.ToString());
                Assert.False(string.IsNullOrEmpty(pairBody.GetProperty("execId").GetString()));
                var events = await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "RtsTransferKeyCompletedEvent")
                    && all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e)!.StartsWith("rts://")));
                deviceUrl = DeviceUrlOf(events.First(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e)!.StartsWith("rts://")))!;
                Assert.StartsWith($"rts://{gateway}/", deviceUrl);
                Assert.False(motor.ProgrammingMode);
                var (_, device) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(deviceUrl)}");
                Assert.Equal("rts:RollerShutterRTSComponent", device.GetProperty("controllableName").GetString());
                Assert.Equal("RollerShutter", device.GetProperty("definition").GetProperty("uiClass").GetString());
                // The channel just used is never offered again.
                Assert.Equal(400, (await client.GetJsonAsync($"config/{gateway}/rts/transferKey/1/0")).Status);

                // 2. close completes when the transceiver acknowledges; the motor then runs down.
                await AssertCompletedAsync(client, listener, await client.ApplyAsync(deviceUrl, "close"));
                await WaitUntilAsync(() => motor.Closure >= 100);

                // 3. With travel durations, setClosure moves for the computed time and stops; the closure is an estimate.
                await AssertCompletedAsync(client, listener, await client.ApplyAsync(deviceUrl, "setTravelDurations", 1, 1));
                await AssertCompletedAsync(client, listener, await client.ApplyAsync(deviceUrl, "setClosure", 40));
                Assert.InRange(motor.Closure, 25, 55);
                Assert.Equal(40, (await StateAsync(client, deviceUrl, "core:ClosureState")).GetInt32());
                Assert.True((await StateAsync(client, deviceUrl, "rts:ClosureEstimatedState")).GetBoolean());

                // 4. "my" from standstill: the motor goes to its favourite position, which the user told the gateway.
                motor.MyPosition = 70;
                await AssertCompletedAsync(client, listener, await client.ApplyAsync(deviceUrl, "setMemorized1Position", 70));
                await AssertCompletedAsync(client, listener, await client.ApplyAsync(deviceUrl, "my"));
                await WaitUntilAsync(() => !motor.Moving && Math.Abs(motor.Closure - 70) < 1);
                Assert.Equal(70, (await StateAsync(client, deviceUrl, "core:ClosureState")).GetInt32());
                await first.StopAsync();
            }

            // 5. After a restart the device, its durations and its estimate are back.
            await using var second = await DaemonProcess.StartAsync(data, radioArguments);
            using var again = second.Client(token);
            var againListener = (await again.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await ApplyUntilCompletedAsync(again, againListener, deviceUrl, "setClosure", 90);
            Assert.InRange(motor.Closure, 75, 100);

            // 6. The transceiver is unplugged and plugged back: the gateway reconnects and drives the motor again.
            await transceiver.DisposeAsync();
            await pty.UnplugAsync();
            await pty.PlugAsync();
            transceiver = new RfxtrxSimulator(new LinuxSerialPort(pty.PathB, 38400), memory);
            await transceiver.StartAsync(default);
            await ApplyUntilCompletedAsync(again, againListener, deviceUrl, "open");
            await WaitUntilAsync(() => motor.Closure <= 0);
            Assert.Contains(transceiver.Transmitted, p => p.Command == RfyCommand.Up);
            // 7. Removed through the API, the device goes; its channel is never offered again.
            using (var deleted = await again.DeleteAsync($"setup/devices/{Uri.EscapeDataString(deviceUrl)}"))
                Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
            Assert.Equal(400, (await again.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(deviceUrl)}")).Status);
            var (_, next) = await again.GetJsonAsync($"config/{await again.GatewayIdAsync()}/rts/channel");
            Assert.Equal(2, next.GetProperty("rtsChannelId").GetInt32());
        }
        finally
        {
            await transceiver.DisposeAsync();
        }
    }

    private static async Task AssertCompletedAsync(HttpClient client, string listener, string execId)
    {
        var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
        var end = events.Single(e => e.IsExecutionEnd(execId));
        Assert.True(end.GetProperty("newState").GetString() == "COMPLETED", end.ToString());
    }

    /// <summary>Applies until the execution completes (the transceiver link may still be coming up).</summary>
    private static async Task ApplyUntilCompletedAsync(HttpClient client, string listener, string deviceUrl, string command, params object[] parameters)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var execId = await client.ApplyAsync(deviceUrl, command, parameters);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            if (events.Single(e => e.IsExecutionEnd(execId)).GetProperty("newState").GetString() == "COMPLETED") return;
            Assert.True(DateTime.UtcNow < deadline, $"{command} never completed");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> StateAsync(HttpClient client, string deviceUrl, string state)
    {
        var (status, body) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(deviceUrl)}/states/{Uri.EscapeDataString(state)}");
        Assert.True(status == 200, body.ToString());
        return body.GetProperty("value");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the motor never got there");
            await Task.Delay(20);
        }
    }

    private static string? Name(JsonElement e) => e.GetProperty("name").GetString();

    private static string? DeviceUrlOf(JsonElement e) => e.TryGetProperty("deviceURL", out var u) ? u.GetString() : null;
}
