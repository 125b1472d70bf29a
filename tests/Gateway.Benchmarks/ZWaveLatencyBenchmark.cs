using System.Diagnostics;
using System.Globalization;
using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Serial;
using Gateway.Radio.ZWave.SerialApi;
using Gateway.Radio.ZWave.Simulator;
using Gateway.Radio.ZWave.Simulator.Nodes;
using Gateway.Serial.Linux;
using Gateway.TestSupport;

namespace Gateway.Benchmarks;

/// <summary>
/// The Z-Wave paths through the real daemon, its controller a simulated Serial API controller on a socat pty whose
/// network already holds a wall plug (2) and a multisensor (5):
/// <list type="bullet">
/// <item>command: <c>POST /exec/apply</c> (<c>on</c>/<c>off</c> on the plug) until the controller has read the
/// SendData off the line and hands the Binary Switch Set to the node; each execution is let finish (its confirming
/// Get and report) before the next one;</item>
/// <item>report: a multisensor temperature report written on the wire (ApplicationCommandHandler) until its
/// DeviceStateChangedEvent comes back from a client fetching its event listener back to back.</item>
/// </list>
/// The pty does not pace bytes, so the frames' time on a real 115200-baud line is computed and printed beside.
/// </summary>
public static class ZWaveLatencyBenchmark
{
    private const int BaudRate = 115200;

    public static async Task<string> RunAsync(int samples)
    {
        await using var pty = await SocatPair.StartAsync();
        await using var controller = new ZWaveControllerSimulator(new LinuxSerialPort(pty.PathB, BaudRate));
        var plug = new SimulatedSwitch(2);
        var multisensor = new SimulatedMultisensor(5);
        controller.AddNode(plug);
        controller.AddNode(multisensor);
        TaskCompletionSource<long>? next = null;
        plug.Heard = payload =>
        {
            if (payload is [CommandClassId.SwitchBinary, SwitchBinaryCommandClass.SetCommand, ..]) Volatile.Read(ref next)?.TrySetResult(Stopwatch.GetTimestamp());
        };
        await controller.StartAsync(default);

        await using var daemon = await BenchDaemon.StartAsync("zwave", new Dictionary<string, string>
        {
            ["Gateway__Radios__ZWave__Port"] = pty.PathA,
            ["Gateway__Radios__ZWave__PollIntervalSeconds"] = "0",
        });
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        var gateway = (await client.GetJsonAsync("setup/gateways"))[0].GetProperty("gatewayId").GetString()!;
        var plugUrl = $"zwave://{gateway}/2";
        var sensorUrl = $"zwave://{gateway}/5";
        await WaitForDevicesAsync(client, [plugUrl, sensorUrl], daemon);
        var listener = (await client.PostJsonAsync("events/register")).GetProperty("id").GetString()!;

        var command = new List<double>();
        for (var i = 0; i < samples + 10; i++)
        {
            var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref next, arrived);
            var body = $$"""{"label":"bench","actions":[{"deviceURL":"{{plugUrl}}","commands":[{"name":"{{(i % 2 == 0 ? "on" : "off")}}","parameters":[]}]}]}""";
            var started = Stopwatch.GetTimestamp();
            var execId = (await client.PostJsonAsync("exec/apply", body)).GetProperty("execId").GetString()!;
            var at = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            if (i >= 10) command.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds); // the first ten warm up
            await WaitForExecutionEndAsync(client, listener, execId);
        }

        var report = new List<double>();
        for (var i = 0; i < samples + 10; i++)
        {
            var celsius = 18 + i % 50 / 10.0;
            var started = Stopwatch.GetTimestamp();
            multisensor.SetTemperature(celsius);
            await WaitForTemperatureAsync(client, listener, sensorUrl, celsius);
            if (i >= 10) report.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        command.Sort();
        report.Sort();
        var commandWire = WireMs(SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.SendData, SendData.Request(2, SwitchBinaryCommandClass.Set(true), 1))).Length);
        var reportWire = WireMs(SerialFrameCodec.Encode(SerialFrame.Request(FunctionId.ApplicationCommandHandler,
            new ApplicationCommand(0, 5, SensorMultilevelCommandClass.Report(SensorMultilevelCommandClass.AirTemperature, 21.5, 0, 1)).Encode())).Length);
        return $"""
            | measure | value |
            |---|---|
            | samples | {samples} of each |
            | `exec/apply` → SendData read by the controller, p50 | {Percentile(command, 0.50):F2} ms |
            | `exec/apply` → SendData read by the controller, p99 | {Percentile(command, 0.99):F2} ms |
            | `exec/apply` → SendData read by the controller, max | {command[^1]:F2} ms |
            | that frame's time on a 115200-baud line | {commandWire:F2} ms |
            | report on the wire → state change fetched, p50 | {Percentile(report, 0.50):F2} ms |
            | report on the wire → state change fetched, p99 | {Percentile(report, 0.99):F2} ms |
            | report on the wire → state change fetched, max | {report[^1]:F2} ms |
            | the report frame's time on a 115200-baud line | {reportWire:F2} ms |
            """;
    }

    private static double WireMs(int bytes) => bytes * 10.0 / BaudRate * 1000;

    private static async Task WaitForExecutionEndAsync(HttpClient client, string listener, string execId)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            foreach (var e in (await client.PostJsonAsync($"events/{listener}/fetch")).EnumerateArray())
                if (e.GetProperty("name").GetString() == "ExecutionStateChangedEvent" && e.GetProperty("execId").GetString() == execId
                    && e.GetProperty("newState").GetString() is "COMPLETED" or "FAILED") return;
        }
        throw new TimeoutException($"execution {execId} never ended");
    }

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

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
