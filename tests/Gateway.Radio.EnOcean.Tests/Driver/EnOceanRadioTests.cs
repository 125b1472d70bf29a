using Gateway.Core.Executions;
using Gateway.Core.Radio;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;
using Gateway.Radio.EnOcean.Simulator;

namespace Gateway.Radio.EnOcean.Tests.Driver;

public class EnOceanRadioTests
{
    private const uint Sensor = 0x0181A2B3;
    private static readonly EepProfile A50205 = new(0xA5, 0x02, 0x05);

    private sealed class Progress : IRadioCommandProgress
    {
        public int Transmitted, InProgress;
        void IRadioCommandProgress.Transmitted() => Interlocked.Increment(ref Transmitted);
        void IRadioCommandProgress.InProgress() => Interlocked.Increment(ref InProgress);
    }

    private static double Temperature(StatesReported report) =>
        report.States.Single(s => s.Name == EepStateNames.TemperatureState).Value.GetDouble();

    [Fact]
    public async Task The_dongle_is_identified_at_start()
    {
        await using var h = await RadioHarness.StartAsync();
        Assert.Equal(0xFF800000u, h.Radio.BaseId);
        var diagnostics = h.Radio.GetDiagnostics();
        Assert.True(diagnostics.Running);
        Assert.Equal(1, diagnostics.Counters["connects"]);
    }

    [Fact]
    public async Task A_sensor_taught_in_by_4bs_reports_its_temperature_once_despite_repeaters()
    {
        await using var h = await RadioHarness.StartAsync();
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), null), default);
        await h.WaitForAsync<PairingModeReported>(p => p.Active);

        await h.Dongle.EmitAsync(DeviceTelegrams.TeachIn4Bs(Sensor, A50205));
        var discovered = await h.WaitForAsync<DeviceDiscovered>(d => d.Address == "0181A2B3");
        Assert.Equal(EnOceanKinds.Temperature, discovered.ControllableName);
        Assert.Contains(discovered.Attributes, a => a.Name == "enocean:EEP" && a.Value.GetString() == "A5-02-05");

        await h.Dongle.EmitAsync(DeviceTelegrams.TemperatureA50205(Sensor, 21.5), copies: 3);
        var reading = await h.WaitForAsync<StatesReported>(r => r.Address == "0181A2B3");
        Assert.InRange(Temperature(reading), 21.3, 21.7);
        Assert.Contains(reading.States, s => s.Name == "core:RSSILevelState");
        await Task.Delay(300);
        Assert.Single(h.Of<StatesReported>(), r => r.Address == "0181A2B3");
        Assert.Equal(2, h.Radio.GetDiagnostics().Counters["duplicatesDropped"]);
    }

    [Fact]
    public async Task Learn_mode_closes_on_its_own_and_says_so()
    {
        await using var h = await RadioHarness.StartAsync();
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMilliseconds(300), null), default);
        var closed = await h.WaitForAsync<PairingModeReported>(p => !p.Active);
        Assert.True(closed.TimedOut);

        await h.Dongle.EmitAsync(DeviceTelegrams.TeachIn4Bs(Sensor, A50205));
        await Task.Delay(300);
        Assert.Empty(h.Of<DeviceDiscovered>());
        Assert.Equal(1, h.Radio.GetDiagnostics().Counters["unknownSenders"]);
    }

    [Fact]
    public async Task A_rocker_taught_with_the_profile_the_user_chose_reports_its_buttons()
    {
        await using var h = await RadioHarness.StartAsync();
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), "F6-02-01"), default);
        await h.Dongle.EmitAsync(DeviceTelegrams.RockerPressed(0xFEF1A001, "B1"));
        await h.WaitForAsync<DeviceDiscovered>(d => d.ControllableName == EnOceanKinds.Rocker);
        await h.Radio.StopPairingAsync(default);

        await h.Dongle.EmitAsync(DeviceTelegrams.RockerPressed(0xFEF1A001, "A0"));
        await h.WaitForAsync<StatesReported>(r => r.States.Any(s => s.Name == EepStateNames.ButtonState && s.Value.GetString() == "A0"));
        await h.Dongle.EmitAsync(DeviceTelegrams.RockerReleased(0xFEF1A001));
        await h.WaitForAsync<StatesReported>(r => r.States.Any(s => s.Name == EepStateNames.ButtonState && s.Value.GetString() == "released"));
    }

    [Fact]
    public async Task A_d201_switch_taught_by_ute_is_answered_then_obeys()
    {
        await using var h = await RadioHarness.StartAsync();
        const uint plug = 0x05123456;
        h.Dongle.AddD201Actuator(plug, 1);
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), null), default);

        await h.Dongle.EmitAsync(DeviceTelegrams.UteTeachIn(plug, new EepProfile(0xD2, 0x01, 0x00), 1));
        var answer = await h.Dongle.WaitForSentAsync(t => t.Rorg == Rorg.Ute && t.DestinationId == plug, TimeSpan.FromSeconds(5));
        Assert.Equal(0x91, answer.Payload[0]); // bidirectional, teach-in accepted, command = response
        var switchDevice = await h.WaitForAsync<DeviceDiscovered>(d => d.Address == "05123456#1");
        Assert.Equal(EnOceanKinds.Switch, switchDevice.ControllableName);

        var progress = new Progress();
        await h.Radio.ExecuteAsync(new RadioCommand("05123456#1", "on", []), progress, default);

        Assert.Equal(100, h.Dongle.OutputOf(plug, 0));
        Assert.Equal(1, progress.Transmitted);
        Assert.Equal(1, progress.InProgress);
        await h.WaitForAsync<StatesReported>(r => r.Address == "05123456#1" && r.States.Any(s => s.Name == EepStateNames.OnOffState && s.Value.GetString() == "on"));
        var sent = h.Dongle.SentTelegrams.Single(t => t.Rorg == Rorg.Vld);
        Assert.Equal([0x01, 0x00, 100], sent.Payload);
        Assert.Equal(plug, sent.DestinationId);
        Assert.Equal(0xFF800000u, sent.SenderId);
    }

    [Fact]
    public async Task A_d201_switch_that_does_not_answer_fails_with_no_answer()
    {
        await using var h = await RadioHarness.StartAsync(options: null);
        const uint mute = 0x05000001;
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), null), default);
        await h.Dongle.EmitAsync(DeviceTelegrams.UteTeachIn(mute, new EepProfile(0xD2, 0x01, 0x00), 1));
        await h.WaitForAsync<DeviceDiscovered>(d => d.Address == "05000001#1");

        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => h.Radio.ExecuteAsync(new RadioCommand("05000001#1", "off", []), new Progress(), default));
        Assert.Equal(FailureType.ActuatorNoAnswer, failure.FailureType);
    }

    [Fact]
    public async Task A_telegram_whose_response_is_lost_is_sent_again_and_the_command_succeeds()
    {
        await using var h = await RadioHarness.StartAsync();
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), "A5-38-08"), default);
        var actuator = await h.WaitForAsync<DeviceDiscovered>(d => d.ControllableName == EnOceanKinds.GatewayTaughtActuator);
        // One answered command first: nothing sent before is still waiting for its RESPONSE.
        await h.Radio.ExecuteAsync(new RadioCommand(actuator.Address, "setIntensity", [System.Text.Json.JsonSerializer.SerializeToElement(10)]), new Progress(), default);
        h.Dongle.ResponsesToLose = 1;

        await h.Radio.ExecuteAsync(new RadioCommand(actuator.Address, "setIntensity", [System.Text.Json.JsonSerializer.SerializeToElement(40)]), new Progress(), default);

        Assert.Equal(2, h.Dongle.SentTelegrams.Count(t => t.Rorg == Rorg.Bs4 && t.Payload[0] == A53808.CommandDimming && t.Payload[1] == 40));
        Assert.Equal(1L, h.Radio.GetDiagnostics().Counters["responseTimeouts"]);
    }

    [Fact]
    public async Task An_a53808_actuator_is_taught_from_a_gateway_sender_and_dimmed()
    {
        await using var h = await RadioHarness.StartAsync();
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), "A5-38-08"), default);

        var actuator = await h.WaitForAsync<DeviceDiscovered>(d => d.ControllableName == EnOceanKinds.GatewayTaughtActuator);
        Assert.Equal("FF800001", actuator.Address);
        var teachIn = await h.Dongle.WaitForSentAsync(t => t.Rorg == Rorg.Bs4 && TeachIn.Is4BsTeachIn(t), TimeSpan.FromSeconds(5));
        Assert.Equal(0xFF800001u, teachIn.SenderId);
        Assert.Equal("FF800002", await h.Radio.NextAddressAsync("A5-38-08", default));

        await h.Radio.ExecuteAsync(new RadioCommand("FF800001", "setIntensity", [System.Text.Json.JsonSerializer.SerializeToElement(40)]), new Progress(), default);
        var dim = await h.Dongle.WaitForSentAsync(t => t.Rorg == Rorg.Bs4 && t.Payload[0] == A53808.CommandDimming, TimeSpan.FromSeconds(5));
        Assert.Equal(40, dim.Payload[1]);
        Assert.Equal(0xFF800001u, dim.SenderId);
    }

    [Fact]
    public async Task The_dim_encoding_is_chosen_at_teach_in_changed_by_setDimEncoding_and_read_back_from_the_stored_state()
    {
        await using (var h = await RadioHarness.StartAsync())
        {
            await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), "A5-38-08-Absolute255"), default);
            var actuator = await h.WaitForAsync<DeviceDiscovered>(d => d.ControllableName == EnOceanKinds.GatewayTaughtActuator);
            Assert.Contains(actuator.States, st => st.Name == "enocean:DimEncodingState" && st.Value.GetString() == "Absolute255");

            await h.Radio.ExecuteAsync(new RadioCommand(actuator.Address, "setIntensity", [Json(50)]), new Progress(), default);
            await h.Dongle.WaitForSentAsync(t => IsDim(t) && t.Payload[1] == 0x80 && (t.Payload[3] & 0x04) == 0, TimeSpan.FromSeconds(5));

            await h.Radio.ExecuteAsync(new RadioCommand(actuator.Address, "setDimEncoding", [Json("RelativePercent")]), new Progress(), default);
            await h.WaitForAsync<StatesReported>(r => r.States.Any(st => st.Name == "enocean:DimEncodingState" && st.Value.GetString() == "RelativePercent"));
            await h.Radio.ExecuteAsync(new RadioCommand(actuator.Address, "setIntensity", [Json(50)]), new Progress(), default);
            await h.Dongle.WaitForSentAsync(t => IsDim(t) && t.Payload[1] == 50 && (t.Payload[3] & 0x04) != 0, TimeSpan.FromSeconds(5));
        }

        var stored = new KnownDevice("FF800001", EnOceanKinds.GatewayTaughtActuator,
            [Gateway.Core.Model.DeviceState.Of("enocean:EEP", "A5-38-08"), Gateway.Core.Model.DeviceState.Of("enocean:GatewaySenderId", "FF800001")])
        {
            States = [Gateway.Core.Model.DeviceState.Of("enocean:DimEncodingState", "Absolute255")],
        };
        await using var restarted = await RadioHarness.StartAsync(new RadioStartContext([stored]));
        await restarted.Radio.ExecuteAsync(new RadioCommand("FF800001", "setIntensity", [Json(100)]), new Progress(), default);
        await restarted.Dongle.WaitForSentAsync(t => IsDim(t) && t.Payload[1] == 0xFF, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_a53808_actuator_taught_without_a_choice_dims_in_eltako_percent()
    {
        await using var h = await RadioHarness.StartAsync();
        await h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), "A5-38-08"), default);
        var actuator = await h.WaitForAsync<DeviceDiscovered>(d => d.ControllableName == EnOceanKinds.GatewayTaughtActuator);
        Assert.Contains(actuator.States, st => st.Name == "enocean:DimEncodingState" && st.Value.GetString() == "AbsolutePercent");
        await h.Radio.ExecuteAsync(new RadioCommand(actuator.Address, "setIntensity", [Json(100)]), new Progress(), default);
        var dim = await h.Dongle.WaitForSentAsync(IsDim, TimeSpan.FromSeconds(5));
        Assert.Equal("02640009", Hex.Of(dim.Payload));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Radio.StartPairingAsync(new PairingRequest(TimeSpan.FromMinutes(1), "A5-02-05-Absolute255"), default));
    }

    private static bool IsDim(Erp1Telegram t) => t.Rorg == Rorg.Bs4 && t.Payload[0] == A53808.CommandDimming;

    private static System.Text.Json.JsonElement Json<T>(T value) => value switch
    {
        int i => System.Text.Json.JsonSerializer.SerializeToElement(i),
        string text => System.Text.Json.JsonSerializer.SerializeToElement(text),
        _ => throw new ArgumentException("int or string"),
    };

    [Fact]
    public async Task Garbage_and_frames_split_byte_by_byte_are_survived()
    {
        await using var h = await RadioHarness.StartAsync(new RadioStartContext([Known(Sensor, "A5-02-05")]));
        var frame = Esp3DongleSimulator.AsReceived(DeviceTelegrams.TemperatureA50205(Sensor, 10)).Encode();
        var broken = frame.ToArray();
        broken[^1] ^= 0xFF;

        await h.Dongle.EmitBytesAsync([0x00, 0x55, 0x13, 0x55, 0x00, 0xFF, 0xFF, 0xFF, 0xAA, .. broken]);
        await h.Dongle.EmitBytesAsync(frame, chunk: 1);

        var reading = await h.WaitForAsync<StatesReported>(r => r.Address == "0181A2B3");
        Assert.InRange(Temperature(reading), 9.8, 10.2);
        var counters = h.Radio.GetDiagnostics().Counters;
        Assert.True(counters["bytesDiscarded"] > 0);
        Assert.Equal(1, counters["dataCrcErrors"]);
    }

    [Fact]
    public async Task A_known_device_is_decoded_after_a_restart_without_teach_in()
    {
        await using var h = await RadioHarness.StartAsync(new RadioStartContext([Known(Sensor, "A5-02-05")]));
        await h.Dongle.EmitAsync(DeviceTelegrams.TemperatureA50205(Sensor, 30));
        var reading = await h.WaitForAsync<StatesReported>(r => r.Address == "0181A2B3");
        Assert.InRange(Temperature(reading), 29.8, 30.2);
    }

    [Fact]
    public async Task Unplugging_and_replugging_the_dongle_resumes_reception()
    {
        await using var h = await RadioHarness.StartAsync(new RadioStartContext([Known(Sensor, "A5-02-05")]));
        await h.Dongle.DisposeAsync();
        await h.Pty.UnplugAsync();
        await h.WaitAsync(() => !h.Radio.Connected);

        await h.Pty.PlugAsync();
        await h.StartDongleAsync();
        await h.WaitAsync(() => h.Radio.Connected, seconds: 20);
        await h.Dongle.EmitAsync(DeviceTelegrams.TemperatureA50205(Sensor, 5));

        var reading = await h.WaitForAsync<StatesReported>(r => r.Address == "0181A2B3");
        Assert.InRange(Temperature(reading), 4.8, 5.2);
        Assert.Equal(2, h.Radio.GetDiagnostics().Counters["connects"]);
    }

    [Fact]
    public async Task A_sensor_silent_too_long_becomes_unavailable_and_comes_back()
    {
        var options = new EnOceanRadioOptions { SensorTimeoutMinutes = 0.01 }; // 0.6 s
        await using var h = await RadioHarness.StartAsync(new RadioStartContext([Known(Sensor, "A5-02-05")]), options);
        await h.WaitForAsync<AvailabilityReported>(a => a.Address == "0181A2B3" && !a.Available);

        await h.Dongle.EmitAsync(DeviceTelegrams.TemperatureA50205(Sensor, 20));
        await h.WaitForAsync<AvailabilityReported>(a => a.Address == "0181A2B3" && a.Available);
    }

    private static KnownDevice Known(uint id, string eep) =>
        new($"{id:X8}", EnOceanKinds.Temperature, [Gateway.Core.Model.DeviceState.Of("enocean:EEP", eep)]);
}
