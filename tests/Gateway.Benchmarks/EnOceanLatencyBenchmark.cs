using System.Diagnostics;
using Gateway.Core.Catalog;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Engine.Devices;
using Gateway.Engine.Events;
using Gateway.Engine.Listeners;
using Gateway.Engine.Radios;
using Gateway.Radio.EnOcean;
using Gateway.Radio.EnOcean.Simulator;
using Gateway.Serial.Linux;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks;

/// <summary>
/// How long from the first byte of a telegram on the wire (a pty, paced at 57600 baud by the simulated dongle) until
/// its DeviceStateChangedEvent can be fetched from an event listener: the real radio, registry, bus and listener
/// registry, wired as in the daemon, minus HTTP.
/// </summary>
public static class EnOceanLatencyBenchmark
{
    private const uint Sensor = 0x0181A2B3;

    public static async Task<string> RunAsync(int samples)
    {
        await using var pty = await SocatPair.StartAsync();
        await using var dongle = new Esp3DongleSimulator(new LinuxSerialPort(pty.PathB, 57600), baudRate: 57600);
        await dongle.StartAsync(default);

        var time = TimeProvider.System;
        var identity = new SetupIdentity("1234-5678-9012", "setup", "place", 0);
        var bus = new EventBus(NullLogger<EventBus>.Instance);
        var registry = new DeviceRegistry(DeviceCatalog.LoadEmbedded(), new DiscardingDeviceStore(), bus, identity, time, NullLogger<DeviceRegistry>.Instance);
        using var listeners = new EventListenerRegistry(new ListenerOptions(), time, NullLogger<EventListenerRegistry>.Instance);
        bus.Subscribe(listeners);
        // Subscribed after the listeners: when it sees the event, every listener already holds it.
        var probe = new ArrivalProbe();
        bus.Subscribe(probe);
        registry.Apply(EnOceanRadio.ProtocolName, new DeviceDiscovered($"{Sensor:X8}", EnOceanKinds.Temperature, "bench", [], [DeviceState.Of("enocean:EEP", "A5-02-05")]));
        var radio = new EnOceanRadio(new EnOceanRadioOptions { Port = pty.PathA }, time, NullLogger<EnOceanRadio>.Instance);
        var host = new RadioHost(new RadioDirectory([radio]), registry, NullLogger<RadioHost>.Instance);
        await host.StartAsync(default);
        while (!radio.Connected) await Task.Delay(10);

        var listener = listeners.Register();
        var latencies = new List<double>();
        for (var i = 0; i < samples + 10; i++)
        {
            var telegram = DeviceTelegrams.TemperatureA50205(Sensor, i % 2 == 0 ? 10 : 20);
            var arrived = probe.Expect();
            var started = Stopwatch.GetTimestamp();
            await dongle.EmitAsync(telegram);
            var at = await arrived.WaitAsync(TimeSpan.FromSeconds(5));
            if (listeners.Fetch(listener) is not { Count: > 0 }) throw new InvalidOperationException("the listener did not get the event");
            if (i >= 10) latencies.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds); // the first ten warm up
            await Task.Delay(15);
        }
        await host.StopAsync(default);
        await radio.DisposeAsync();

        latencies.Sort();
        var frameBytes = Esp3DongleSimulator.AsReceived(DeviceTelegrams.TemperatureA50205(Sensor, 10)).Encode().Length;
        var wireMs = frameBytes * 10.0 / 57600 * 1000;
        return $"""
            | measure | value |
            |---|---|
            | telegrams | {samples} (A5-02-05, {frameBytes}-byte ESP3 frames) |
            | frame transfer time at 57600 baud | {wireMs:F2} ms |
            | wire → fetchable, p50 | {Percentile(latencies, 0.50):F2} ms |
            | wire → fetchable, p99 | {Percentile(latencies, 0.99):F2} ms |
            | wire → fetchable, max | {latencies[^1]:F2} ms |
            """;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Notes the moment a DeviceStateChangedEvent is published.</summary>
    private sealed class ArrivalProbe : Gateway.Core.Events.IEventSink
    {
        private TaskCompletionSource<long> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> Expect()
        {
            _next = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _next.Task;
        }

        public void OnEvent(Gateway.Core.Events.GatewayEvent gatewayEvent)
        {
            if (gatewayEvent is Gateway.Core.Events.DeviceStateChangedEvent) _next.TrySetResult(Stopwatch.GetTimestamp());
        }
    }

    private sealed class DiscardingDeviceStore : IDeviceStore
    {
        public Task<IReadOnlyList<Device>> LoadAllAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Device>>([]);
        public void Save(Device device) { }
        public void Delete(string deviceUrl) { }
        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
