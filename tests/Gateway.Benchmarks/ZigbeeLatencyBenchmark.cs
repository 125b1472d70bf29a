using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gateway.Radio.Zigbee;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Radio.Zigbee.Simulator;
using Gateway.Radio.Zigbee.Simulator.Devices;
using Gateway.Serial.Linux;
using Gateway.TestSupport;

namespace Gateway.Benchmarks;

/// <summary>
/// The Zigbee paths through the real daemon, its coordinator a simulated Z-Stack on a socat pty:
/// <list type="bullet">
/// <item>command: <c>POST /exec/apply</c> (<c>setIntensity</c> on a paired bulb) until the bulb's ZCL frame reaches
/// the simulated coordinator in an AF_DATA_REQUEST;</item>
/// <item>report: a thermometer's attribute report written on the wire (AF_INCOMING_MSG) until its
/// DeviceStateChangedEvent comes back from a client fetching its event listener back to back.</item>
/// </list>
/// The pty does not pace bytes, so the frames' time on a real 115200-baud line is computed and printed beside.
/// </summary>
public static class ZigbeeLatencyBenchmark
{
    private const ulong BulbIeee = 0x000B57FFFE3A1C2D;
    private const ulong ThermometerIeee = 0x00158D0001A2B3C4;
    private const int BaudRate = 115200;

    public static async Task<string> RunAsync(int samples)
    {
        await using var pty = await SocatPair.StartAsync();
        await using var coordinator = new ZnpCoordinatorSimulator(new LinuxSerialPort(pty.PathB, BaudRate));
        await coordinator.StartAsync(default);
        var bulb = new SimulatedBulb(BulbIeee, 0x1A2B);
        var thermometer = new SimulatedThermometer(ThermometerIeee, 0x3C4D);
        var bulbNode = ZclNode.For(bulb, coordinator);
        var commandArrived = WatchApplicationFrames(bulbNode);

        await using var daemon = await BenchDaemon.StartAsync("zigbee", new Dictionary<string, string> { ["Gateway__Radios__Zigbee__Port"] = pty.PathA });
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        var gateway = (await client.GetJsonAsync("setup/gateways"))[0].GetProperty("gatewayId").GetString()!;
        await WaitUntilAsync(() => coordinator.State == ZdoState.Coordinator, "the coordinator never started", daemon);
        var bulbUrl = $"zigbee://{gateway}/{ZigbeeRadio.AddressOf(BulbIeee, 1)}";
        var thermometerUrl = $"zigbee://{gateway}/{ZigbeeRadio.AddressOf(ThermometerIeee, 1)}";

        await client.PostJsonAsync($"config/{gateway}/zigbee/joinNetwork");
        if (!await coordinator.JoinAsync(bulbNode) || !await coordinator.JoinAsync(ZclNode.For(thermometer, coordinator)))
            throw new InvalidOperationException("the network did not open for joining");
        await WaitForDevicesAsync(client, [bulbUrl, thermometerUrl], daemon);
        var listener = (await client.PostJsonAsync("events/register")).GetProperty("id").GetString()!;

        var command = new List<double>();
        for (var i = 0; i < samples + 10; i++)
        {
            var arrived = commandArrived();
            var body = $$"""{"label":"bench","actions":[{"deviceURL":"{{bulbUrl}}","commands":[{"name":"setIntensity","parameters":[{{(i % 2 == 0 ? 30 : 70)}}]}]}]}""";
            var started = Stopwatch.GetTimestamp();
            await client.PostJsonAsync("exec/apply", body);
            var at = await arrived.WaitAsync(TimeSpan.FromSeconds(10));
            if (i >= 10) command.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds); // the first ten warm up
            await DrainAsync(client, listener);
        }

        var report = new List<double>();
        for (var i = 0; i < samples + 10; i++)
        {
            var celsius = 18 + i % 50 / 10.0;
            var started = Stopwatch.GetTimestamp();
            thermometer.SetTemperature(celsius);
            await WaitForTemperatureAsync(client, listener, thermometerUrl, celsius);
            if (i >= 10) report.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        command.Sort();
        report.Sort();
        var commandWire = WireMs(LastFrame(coordinator, MtSubsystem.Af, AfCommands.DataRequestId));
        // A temperature report is 8 ZCL bytes: header (3), attribute id (2), type (1), int16 value (2).
        var reportWire = WireMs(new IncomingMessage(0, 0x0402, 0x3C4D, 1, 1, false, 200, false, 0, 0, new byte[8]).ToFrame().Encode().Length);
        return $"""
            | measure | value |
            |---|---|
            | samples | {samples} of each |
            | `exec/apply` → AF_DATA_REQUEST at the coordinator, p50 | {Percentile(command, 0.50):F2} ms |
            | `exec/apply` → AF_DATA_REQUEST at the coordinator, p99 | {Percentile(command, 0.99):F2} ms |
            | `exec/apply` → AF_DATA_REQUEST at the coordinator, max | {command[^1]:F2} ms |
            | that frame's time on a 115200-baud line | {commandWire:F2} ms |
            | report on the wire → state change fetched, p50 | {Percentile(report, 0.50):F2} ms |
            | report on the wire → state change fetched, p99 | {Percentile(report, 0.99):F2} ms |
            | report on the wire → state change fetched, max | {report[^1]:F2} ms |
            | the report frame's time on a 115200-baud line | {reportWire:F2} ms |
            """;
    }

    /// <summary>
    /// Returns a function that, each time it is called, gives the moment the bulb receives its next application frame
    /// (the simulated coordinator hands the frame to the device just after reading it off the line and confirming it).
    /// </summary>
    private static Func<Task<long>> WatchApplicationFrames(SimulatedNode node)
    {
        var handler = node.ApplicationHandler!;
        TaskCompletionSource<long>? next = null;
        node.ApplicationHandler = (endpoint, cluster, payload) =>
        {
            Volatile.Read(ref next)?.TrySetResult(Stopwatch.GetTimestamp());
            return handler(endpoint, cluster, payload);
        };
        return () =>
        {
            var source = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref next, source);
            return source.Task;
        };
    }

    private static int LastFrame(ZnpCoordinatorSimulator coordinator, MtSubsystem subsystem, byte command) =>
        coordinator.Received.Last(f => f.Subsystem == subsystem && f.Command == command).Encode().Length;

    private static double WireMs(int bytes) => bytes * 10.0 / BaudRate * 1000;

    private static async Task DrainAsync(HttpClient client, string listener) => await client.PostJsonAsync($"events/{listener}/fetch");

    private static async Task WaitForTemperatureAsync(HttpClient client, string listener, string url, double celsius)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            foreach (var e in (await client.PostJsonAsync($"events/{listener}/fetch")).EnumerateArray())
            {
                if (e.GetProperty("name").GetString() != "DeviceStateChangedEvent" || e.GetProperty("deviceURL").GetString() != url) continue;
                foreach (var state in e.GetProperty("deviceStates").EnumerateArray())
                    if (state.GetProperty("name").GetString() == "core:TemperatureState"
                        && Math.Abs(double.Parse(state.GetProperty("value").ToString(), CultureInfo.InvariantCulture) - celsius) < 0.01) return;
            }
        }
        throw new TimeoutException($"no TemperatureState {celsius} for {url}");
    }

    private static async Task WaitForDevicesAsync(HttpClient client, string[] urls, BenchDaemon daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var devices = await client.GetJsonAsync("setup/devices");
            var known = devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString()).ToHashSet();
            if (urls.All(known.Contains)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the devices were never created:\n" + daemon.Output);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure, BenchDaemon daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(failure + ":\n" + daemon.Output);
            await Task.Delay(20);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
