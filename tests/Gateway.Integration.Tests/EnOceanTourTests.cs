using System.Text.Json;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Simulator;
using Gateway.Serial.Linux;

namespace Gateway.Integration.Tests;

/// <summary>
/// The EnOcean tour of the README, end to end: the real daemon on one end of a pty pair, the simulated USB 300 on
/// the other, everything driven through the local API.
/// </summary>
public class EnOceanTourTests
{
    private const string Sensor = "0181A2B3";
    private const string Rocker = "FEF1A001";
    private const uint Plug = 0x05123456;

    [Fact]
    public async Task Teach_in_a_sensor_and_a_rocker_then_drive_a_d201_switch_through_the_api()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var dongle = new Esp3DongleSimulator(new LinuxSerialPort(pty.PathB, 57600));
        await dongle.StartAsync(default);
        var data = DaemonProcess.NewDataDirectory();
        // A long actuator wait: on a loaded CI machine the simulated switch's answer can take longer than the 2 s default.
        await using var daemon = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:EnOcean:Port={pty.PathA}",
            "--Gateway:Radios:EnOcean:ActuatorTimeoutSeconds=15");
        using var client = daemon.Client(await daemon.CreateTokenAsync("enocean"));
        var gateway = await client.GatewayIdAsync();
        var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        string Url(string address) => $"enocean://{gateway}/{address}";

        // 1. A temperature sensor announces its profile in its teach-in telegram.
        Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/enocean/learn/start")).Status);
        await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "EnOceanLearnStartedEvent"));
        await WaitForDongleAsync(dongle);
        await dongle.EmitAsync(DeviceTelegrams.TeachIn4Bs(Convert.ToUInt32(Sensor, 16), new EepProfile(0xA5, 0x02, 0x05)));
        await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == Url(Sensor)));
        await dongle.EmitAsync(DeviceTelegrams.TemperatureA50205(Convert.ToUInt32(Sensor, 16), 22.5), copies: 2);
        var events = await client.FetchUntilAsync(listener, all => StateOf(all, Url(Sensor), "core:TemperatureState") is not null);
        Assert.InRange(StateOf(events, Url(Sensor), "core:TemperatureState")!.Value.GetDouble(), 22.3, 22.7);

        // 2. A rocker cannot announce itself: the user names it.
        Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/enocean/learn/start/RockerSwitchx2")).Status);
        await dongle.EmitAsync(DeviceTelegrams.RockerPressed(Convert.ToUInt32(Rocker, 16), "A1"));
        await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == Url(Rocker)));
        Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/enocean/learn/stop")).Status);
        await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "EnOceanLearnStoppedEvent"));
        await dongle.EmitAsync(DeviceTelegrams.RockerPressed(Convert.ToUInt32(Rocker, 16), "A0"));
        events = await client.FetchUntilAsync(listener, all => StateOf(all, Url(Rocker), "enocean:ButtonState")?.GetString() == "A0");

        // 3. A D2-01 switch teaches itself in by UTE, then obeys exec/apply and confirms.
        dongle.AddD201Actuator(Plug, 1);
        Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/enocean/learn/start")).Status);
        await dongle.EmitAsync(DeviceTelegrams.UteTeachIn(Plug, new EepProfile(0xD2, 0x01, 0x00), 1));
        var plugUrl = Url($"{Plug:X8}#1");
        await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e) == plugUrl));
        var execId = await client.ApplyAsync(plugUrl, "on");
        events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
        Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(execId)).GetProperty("newState").GetString());
        Assert.Equal(100, dongle.OutputOf(Plug, 0));
        var (_, onOff) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(plugUrl)}/states/core%3AOnOffState");
        Assert.Equal("on", onOff.GetProperty("value").GetString());

        var (_, device) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(Url(Sensor))}");
        Assert.Equal("enocean:EnOceanTemperatureSensorComponent", device.GetProperty("controllableName").GetString());
        Assert.Equal("TemperatureSensor", device.GetProperty("definition").GetProperty("uiClass").GetString());
    }

    [Fact]
    public async Task An_a53808_dimmer_dims_with_the_encoding_chosen_at_teach_in_changed_later_and_kept_across_a_restart()
    {
        await using var pty = await SocatPair.StartAsync();
        await using var dongle = new Esp3DongleSimulator(new LinuxSerialPort(pty.PathB, 57600));
        await dongle.StartAsync(default);
        var data = DaemonProcess.NewDataDirectory();
        string token, dimmerUrl;
        await using (var first = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:EnOcean:Port={pty.PathA}"))
        {
            token = await first.CreateTokenAsync("enocean-dim");
            using var client = first.Client(token);
            var gateway = await client.GatewayIdAsync();
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            await WaitForDongleAsync(dongle);

            Assert.Equal(200, (await client.PostJsonAsync($"config/{gateway}/enocean/learn/start/A5-38-08-Absolute255")).Status);
            var created = await client.FetchUntilAsync(listener, all => all.Any(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e)!.StartsWith("enocean://")));
            dimmerUrl = DeviceUrlOf(created.First(e => Name(e) == "DeviceCreatedEvent" && DeviceUrlOf(e)!.StartsWith("enocean://")))!;
            await AssertDimmedAsync(client, listener, dongle, dimmerUrl, percent: 100, expectedByte: 0xFF);

            var (status, body) = await client.PostJsonAsync("exec/apply", JsonSerializer.Serialize(new
            {
                label = "encoding",
                actions = new[] { new { deviceURL = dimmerUrl, commands = new[] { new { name = "setDimEncoding", parameters = new object[] { "AbsolutePercent" } } } } },
            }));
            Assert.True(status == 200, body.ToString());
            var execId = body.GetProperty("execId").GetString()!;
            await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            var (_, state) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString(dimmerUrl)}/states/enocean%3ADimEncodingState");
            Assert.Equal("AbsolutePercent", state.GetProperty("value").GetString());
            Assert.Equal(400, (await client.PostJsonAsync($"config/{gateway}/enocean/learn/start/A5-38-08-Sideways")).Status);
            await first.StopAsync();
        }

        await using var second = await DaemonProcess.StartAsync(data, $"--Gateway:Radios:EnOcean:Port={pty.PathA}");
        using var again = second.Client(token);
        var againListener = (await again.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
        await AssertDimmedAsync(again, againListener, dongle, dimmerUrl, percent: 64, expectedByte: 64);
    }

    /// <summary>Applies setIntensity (retrying while the reopened dongle link comes up) and finds the telegram on air.</summary>
    private static async Task AssertDimmedAsync(HttpClient client, string listener, Esp3DongleSimulator dongle, string dimmerUrl, int percent, byte expectedByte)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var execId = await client.ApplyAsync(dimmerUrl, "setIntensity", percent);
            var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            if (events.Single(e => e.IsExecutionEnd(execId)).GetProperty("newState").GetString() == "COMPLETED") break;
            Assert.True(DateTime.UtcNow < deadline, "setIntensity never completed");
            await Task.Delay(200);
        }
        await dongle.WaitForSentAsync(t => t.Rorg == 0xA5 && t.Payload[0] == A53808.CommandDimming && t.Payload[1] == expectedByte, TimeSpan.FromSeconds(5));
    }

    private static async Task WaitForDongleAsync(Esp3DongleSimulator dongle)
    {
        // The gateway reads the dongle's version and base id first; telegrams before that would go unheard.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (dongle.Received.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
    }

    private static string? Name(JsonElement e) => e.GetProperty("name").GetString();

    private static string? DeviceUrlOf(JsonElement e) => e.TryGetProperty("deviceURL", out var u) ? u.GetString() : null;

    private static JsonElement? StateOf(List<JsonElement> events, string deviceUrl, string state) =>
        events.Where(e => Name(e) == "DeviceStateChangedEvent" && DeviceUrlOf(e) == deviceUrl)
            .SelectMany(e => e.GetProperty("deviceStates").EnumerateArray())
            .Where(s => s.GetProperty("name").GetString() == state)
            .Select(s => (JsonElement?)s.GetProperty("value"))
            .LastOrDefault();
}
