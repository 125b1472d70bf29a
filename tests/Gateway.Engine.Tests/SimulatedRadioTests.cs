using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Simulated;

namespace Gateway.Engine.Tests;

public class SimulatedRadioTests
{
    private sealed class Progress : IRadioCommandProgress
    {
        public int Transmitted, InProgress;
        void IRadioCommandProgress.Transmitted() => Transmitted++;
        void IRadioCommandProgress.InProgress() => InProgress++;
    }

    private static List<DeviceReport> Drain(SimulatedRadio radio)
    {
        var reports = new List<DeviceReport>();
        while (radio.Reports.TryRead(out var report)) reports.Add(report);
        return reports;
    }

    [Fact]
    public async Task The_standard_home_has_twelve_devices_of_every_kind()
    {
        var radio = new SimulatedRadio(new SimulatedRadioOptions(), new ManualTimeProvider());
        await radio.StartAsync(RadioStartContext.Empty, default);

        var discovered = Drain(radio).OfType<DeviceDiscovered>().ToList();

        Assert.Equal(12, discovered.Count);
        Assert.Equal(11, discovered.Select(d => d.ControllableName).Distinct().Count());
    }

    [Fact]
    public async Task A_home_can_be_grown_to_two_hundred_devices_with_unique_addresses()
    {
        var radio = new SimulatedRadio(new SimulatedRadioOptions { HomeSize = 200 }, new ManualTimeProvider());
        await radio.StartAsync(RadioStartContext.Empty, default);
        var discovered = Drain(radio).OfType<DeviceDiscovered>().ToList();
        Assert.Equal(200, discovered.Select(d => d.Address).Distinct().Count());
    }

    [Fact]
    public async Task A_closing_shutter_reports_its_closure_on_the_way()
    {
        var time = new ManualTimeProvider();
        var radio = new SimulatedRadio(new SimulatedRadioOptions { TravelSeconds = 4, SensorIntervalSeconds = 100_000 }, time);
        await radio.StartAsync(RadioStartContext.Empty, default);
        Drain(radio);
        var progress = new Progress();

        var closing = radio.ExecuteAsync(new RadioCommand("1100001", "close", []), progress, default);
        while (!closing.IsCompleted) time.Advance(TimeSpan.FromMilliseconds(50));
        await closing;

        var closures = Drain(radio).OfType<StatesReported>().SelectMany(r => r.States)
            .Where(s => s.Name == "core:ClosureState").Select(s => s.Value.GetInt32()).ToList();
        Assert.Equal(100, closures[^1]);
        Assert.True(closures.Count(c => c is > 0 and < 100) >= 5, string.Join(",", closures));
        Assert.Equal(closures.Order(), closures);
        Assert.Equal(1, progress.Transmitted);
        Assert.Equal(1, progress.InProgress);
    }

    [Fact]
    public async Task An_unreachable_device_fails_with_no_answer_and_reports_unavailable()
    {
        var time = new ManualTimeProvider();
        var radio = new SimulatedRadio(new SimulatedRadioOptions(), time);
        await radio.StartAsync(RadioStartContext.Empty, default);
        Drain(radio);
        Assert.True(radio.SetFault("1100005", new DeviceFault(true, TimeSpan.Zero)));

        var command = radio.ExecuteAsync(new RadioCommand("1100005", "on", []), new Progress(), default);
        while (!command.IsCompleted) time.Advance(TimeSpan.FromMilliseconds(100));

        var failure = await Assert.ThrowsAsync<RadioCommandException>(() => command);
        Assert.Equal(FailureType.ActuatorNoAnswer, failure.FailureType);
        Assert.Contains(Drain(radio).OfType<AvailabilityReported>(), a => a.Address == "1100005" && !a.Available);
    }

    [Fact]
    public async Task A_known_sensor_carries_on_from_its_stored_reading_after_a_restart()
    {
        const string sensor = "1100008#1";
        var time = new ManualTimeProvider();
        var radio = new SimulatedRadio(new SimulatedRadioOptions { SensorIntervalSeconds = 1 }, time);
        var known = new KnownDevice(sensor, "io:TemperatureIOSystemSensor", [])
        {
            // A state the sensor does not have is left alone.
            States = [DeviceState.Of("core:TemperatureState", 27.5), DeviceState.Of("core:ClosureState", 40)],
        };
        await radio.StartAsync(new RadioStartContext([known]), default);

        var discovered = Drain(radio).OfType<DeviceDiscovered>().Single(d => d.Address == sensor);
        Assert.Equal(27.5, discovered.States.Single(s => s.Name == "core:TemperatureState").Value.GetDouble());
        Assert.DoesNotContain(discovered.States, s => s.Name == "core:ClosureState");

        var readings = new List<double>();
        for (var i = 0; i < 600 && readings.Count == 0; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
            readings.AddRange(Drain(radio).OfType<StatesReported>().Where(r => r.Address == sensor)
                .SelectMany(r => r.States).Where(s => s.Name == "core:TemperatureState").Select(s => s.Value.GetDouble()));
        }

        Assert.NotEmpty(readings);
        Assert.InRange(readings[0], 27.3, 27.7); // one drift step of at most 0.2 from 27.5, not from 21
    }

    [Fact]
    public async Task A_known_shutter_moves_from_its_stored_position_and_a_light_keeps_its_stored_intensity()
    {
        var time = new ManualTimeProvider();
        var radio = new SimulatedRadio(new SimulatedRadioOptions { TravelSeconds = 4, SensorIntervalSeconds = 100_000 }, time);
        await radio.StartAsync(new RadioStartContext(
        [
            new KnownDevice("1100001", "io:RollerShutterGenericIOComponent", []) { States = [DeviceState.Of("core:ClosureState", 40)] },
            new KnownDevice("1100006", "io:DimmableLightIOComponent", [])
            {
                States = [DeviceState.Of("core:OnOffState", "on"), DeviceState.Of("core:LightIntensityState", 60)],
            },
            new KnownDevice("9999999", "io:RollerShutterGenericIOComponent", []) { States = [DeviceState.Of("core:ClosureState", 10)] },
        ]), default);
        var light = Drain(radio).OfType<DeviceDiscovered>().Single(d => d.Address == "1100006");
        Assert.Equal("on", light.States.Single(s => s.Name == "core:OnOffState").Value.GetString());
        Assert.Equal(60, light.States.Single(s => s.Name == "core:LightIntensityState").Value.GetInt32());

        await RunAsync(radio, time, new RadioCommand("1100001", "open", []));

        var closures = Drain(radio).OfType<StatesReported>().SelectMany(r => r.States)
            .Where(s => s.Name == "core:ClosureState").Select(s => s.Value.GetInt32()).ToList();
        Assert.Equal(0, closures[^1]);
        Assert.All(closures, c => Assert.InRange(c, 0, 40));
        Assert.True(closures[0] >= 30, string.Join(",", closures));

        // Switched off then on again, the dimmer comes back at the stored intensity.
        await RunAsync(radio, time, new RadioCommand("1100006", "off", []));
        await RunAsync(radio, time, new RadioCommand("1100006", "on", []));
        var intensities = Drain(radio).OfType<StatesReported>().Where(r => r.Address == "1100006").SelectMany(r => r.States)
            .Where(s => s.Name == "core:LightIntensityState").Select(s => s.Value.GetInt32()).ToList();
        Assert.Equal([0, 60], intensities);
    }

    private static async Task RunAsync(SimulatedRadio radio, ManualTimeProvider time, RadioCommand command)
    {
        var running = radio.ExecuteAsync(command, new Progress(), default);
        while (!running.IsCompleted) time.Advance(TimeSpan.FromMilliseconds(50));
        await running;
    }
}
