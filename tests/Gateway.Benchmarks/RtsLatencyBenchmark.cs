using System.Diagnostics;
using Gateway.Radio.Rts.Protocol;
using Gateway.Radio.Rts.Simulator;
using Gateway.Serial.Linux;
using Gateway.TestSupport;

namespace Gateway.Benchmarks;

/// <summary>
/// The RTS command path through the real daemon, its transceiver a simulated RFXtrx433E on a socat pty:
/// <c>POST /exec/apply</c> (<c>up</c> / <c>down</c> on a paired roller shutter) until the RFY frame has come off the
/// line at the transceiver. The pty does not pace bytes, so the frame's time on a real 38400-baud line is printed beside.
/// </summary>
public static class RtsLatencyBenchmark
{
    private const int BaudRate = 38400;

    public static async Task<string> RunAsync(int samples)
    {
        await using var pty = await SocatPair.StartAsync();
        var memory = new TransceiverMemory();
        memory.AddMotor("bench", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)).ProgrammingMode = true;
        await using var transceiver = new RfxtrxSimulator(new LinuxSerialPort(pty.PathB, BaudRate), memory);
        TaskCompletionSource<long>? next = null;
        transceiver.FrameArrived = frame =>
        {
            if (frame.PacketType == RfxPacketTypes.Rfy) Volatile.Read(ref next)?.TrySetResult(Stopwatch.GetTimestamp());
        };
        await transceiver.StartAsync(default);

        await using var daemon = await BenchDaemon.StartAsync("rts", new Dictionary<string, string>
        {
            ["Gateway__Radios__Rts__Port"] = pty.PathA,
            ["Gateway__Radios__Rts__ResetSettleMilliseconds"] = "50",
        });
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        var gateway = (await client.GetJsonAsync("setup/gateways"))[0].GetProperty("gatewayId").GetString()!;
        await transceiver.WaitForStartupAsync(TimeSpan.FromSeconds(60));
        await client.GetJsonAsync($"config/{gateway}/rts/transferKey/1/0");
        var url = await WaitForDeviceAsync(client, daemon);
        var listener = (await client.PostJsonAsync("events/register")).GetProperty("id").GetString()!;

        var command = new List<double>();
        for (var i = 0; i < samples + 10; i++)
        {
            var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref next, arrived);
            var body = $$"""{"label":"bench","actions":[{"deviceURL":"{{url}}","commands":[{"name":"{{(i % 2 == 0 ? "down" : "up")}}"}]}]}""";
            var started = Stopwatch.GetTimestamp();
            await client.PostJsonAsync("exec/apply", body);
            var at = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            if (i >= 10) command.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds); // the first ten warm up
            await client.PostJsonAsync($"events/{listener}/fetch");
        }

        command.Sort();
        var wire = new RfyPacket(RfySubtype.Rfy, new RfyAddress(1, 1), RfyCommand.Up).ToFrame(0).WireLength * 10.0 / BaudRate * 1000;
        return $"""
            | measure | value |
            |---|---|
            | samples | {samples} |
            | `exec/apply` → RFY frame read by the transceiver, p50 | {Percentile(command, 0.50):F2} ms |
            | `exec/apply` → RFY frame read by the transceiver, p99 | {Percentile(command, 0.99):F2} ms |
            | `exec/apply` → RFY frame read by the transceiver, max | {command[^1]:F2} ms |
            | that frame's time on a 38400-baud line | {wire:F2} ms |
            """;
    }

    private static async Task<string> WaitForDeviceAsync(HttpClient client, BenchDaemon daemon)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var devices = await client.GetJsonAsync("setup/devices");
            var rts = devices.EnumerateArray().Select(d => d.GetProperty("deviceURL").GetString()!).FirstOrDefault(u => u.StartsWith("rts://", StringComparison.Ordinal));
            if (rts is not null) return rts;
            await Task.Delay(100);
        }
        throw new TimeoutException("the RTS device was never created:\n" + daemon.Output);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
