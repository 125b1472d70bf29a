using Gateway.Core.Executions;
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
}
