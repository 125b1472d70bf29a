using Gateway.Serial.Linux;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Serial.Tests;

public class ReconnectingLinkTests
{
    [Fact]
    public async Task A_dongle_unplugged_and_plugged_back_is_reopened()
    {
        await using var pair = await SocatPair.StartAsync();
        var sessions = 0;
        var received = new List<byte>();
        await using var link = new ReconnectingLink(
            () => new LinuxSerialPort(pair.PathA, 57600),
            async (transport, ct) =>
            {
                Interlocked.Increment(ref sessions);
                var buffer = new byte[64];
                int n;
                while ((n = await transport.ReadAsync(buffer, ct)) > 0)
                    lock (received) received.AddRange(buffer.AsSpan(0, n).ToArray());
            },
            TimeProvider.System, NullLogger.Instance);
        link.Start();
        await WaitAsync(() => link.Connected);

        await pair.UnplugAsync();
        await WaitAsync(() => !link.Connected);
        await pair.PlugAsync();
        await WaitAsync(() => link.Connected && sessions == 2);

        await using var device = new LinuxSerialPort(pair.PathB, 57600);
        await device.OpenAsync(default);
        await device.WriteAsync(new byte[] { 1, 2, 3 }, TimeSpan.FromSeconds(1), default);
        await WaitAsync(() => { lock (received) return received.Count == 3; });
        Assert.Equal(2, link.Connects);
        Assert.Equal(1, link.Disconnects);
    }

    [Fact]
    public async Task A_missing_dongle_is_retried_without_end()
    {
        var attempts = 0;
        await using var link = new ReconnectingLink(
            () => { Interlocked.Increment(ref attempts); return new LinuxSerialPort("/nonexistent/ttyUSB7", 57600); },
            (_, _) => Task.CompletedTask, TimeProvider.System, NullLogger.Instance);
        link.Start();
        await WaitAsync(() => link.OpenFailures >= 3);
        Assert.False(link.Connected);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met");
            await Task.Delay(20);
        }
    }
}
