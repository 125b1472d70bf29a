using System.Diagnostics;
using Gateway.Radio.Io.Protocol;
using Gateway.Radio.Io.Simulator;

namespace Gateway.Benchmarks;

/// <summary>
/// The io command path through the real daemon, its KLF-200 a simulator on 127.0.0.1 over TLS: <c>POST /exec/apply</c>
/// (<c>setClosure</c> on a roller shutter) until the simulator has decoded the GW_COMMAND_SEND_REQ frame. Each
/// sample waits for the shutter to stop before the next command, so no session overrules another.
/// </summary>
public static class IoLatencyBenchmark
{
    private const string Password = "bench";

    public static async Task<string> RunAsync(int samples)
    {
        await using var klf = new Klf200Simulator(Password);
        var shutter = klf.Add(SimulatedIoNode.RollerShutter(0, 0x5A75A5, "Bench shutter"));
        shutter.TravelTime = TimeSpan.FromMilliseconds(200);
        await klf.StartAsync();
        await using var daemon = await BenchDaemon.StartAsync("io", new Dictionary<string, string>
        {
            ["Gateway__Radios__Io__Port"] = klf.Url,
            ["Gateway__Radios__Io__Password"] = Password,
            ["Gateway__Radios__Io__CertificateFingerprint"] = klf.Fingerprint,
        });
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        var gateway = (await client.GetJsonAsync("setup/gateways"))[0].GetProperty("gatewayId").GetString()!;
        var url = $"io://{gateway}/{0x5A75A5}";
        await WaitUntilAsync(async () => (await client.GetJsonAsync("setup/devices")).EnumerateArray().Any(d => d.GetProperty("deviceURL").GetString() == url), daemon);

        var latencies = new List<double>();
        var frameBytes = new KlfFrame(KlfCommand.CommandSendReq, new CommandSendRequest(1, [0], 0).ToData()).ToWire().Length;
        for (var i = 0; i < samples + 10; i++)
        {
            var closure = i % 2 == 0 ? 10 : 20;
            var before = klf.CommandArrivals.Count;
            var body = $$"""{"label":"bench","actions":[{"deviceURL":"{{url}}","commands":[{"name":"setClosure","parameters":[{{closure}}]}]}]}""";
            var started = Stopwatch.GetTimestamp();
            await client.PostJsonAsync("exec/apply", body);
            await WaitUntilAsync(() => Task.FromResult(klf.CommandArrivals.Count > before), daemon);
            var arrived = klf.CommandArrivals.ToArray()[before];
            if (i >= 10) latencies.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds); // the first ten warm up
            await WaitUntilAsync(() => Task.FromResult(shutter.Closure == closure && !shutter.Moving), daemon);
        }
        latencies.Sort();
        return $"""
            | measure | value |
            |---|---|
            | samples | {samples} |
            | `exec/apply` → GW_COMMAND_SEND_REQ decoded by the KLF-200 simulator, p50 | {Percentile(latencies, 0.50):F2} ms |
            | `exec/apply` → GW_COMMAND_SEND_REQ decoded by the KLF-200 simulator, p99 | {Percentile(latencies, 0.99):F2} ms |
            | `exec/apply` → GW_COMMAND_SEND_REQ decoded by the KLF-200 simulator, max | {latencies[^1]:F2} ms |
            | that frame on the wire (SLIP, before TLS) | {frameBytes} bytes |
            """;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, BenchDaemon daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never became true:\n" + daemon.Output);
            await Task.Delay(1);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
