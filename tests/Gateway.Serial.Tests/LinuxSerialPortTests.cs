using System.Runtime.CompilerServices;
using Gateway.Serial.Linux;

namespace Gateway.Serial.Tests;

public class LinuxSerialPortTests
{
    private static async Task<byte[]> ReadExactlyAsync(IByteTransport port, int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await port.ReadAsync(buffer.AsMemory(read), cts.Token);
            if (n == 0) throw new EndOfStreamException($"stream ended after {read} bytes");
            read += n;
        }
        return buffer;
    }

    [Fact]
    public unsafe void Termios_has_the_glibc_layout()
    {
        Assert.Equal(60, sizeof(Libc.Termios));
        var t = new Libc.Termios();
        var start = (byte*)&t;
        Assert.Equal(8, (byte*)&t.c_cflag - start);
        Assert.Equal(16, &t.c_line - start);
        Assert.Equal(17, &t.c_cc[0] - start);
        Assert.Equal(52, (byte*)&t.c_ispeed - start);
        Assert.Equal(56, (byte*)&t.c_ospeed - start);
    }

    [Fact]
    public async Task Bytes_cross_the_pty_pair_both_ways()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var a = new LinuxSerialPort(pair.PathA, 57600);
        await using var b = new LinuxSerialPort(pair.PathB, 57600);
        await a.OpenAsync(default);
        await b.OpenAsync(default);

        var payload = Enumerable.Range(0, 65536).Select(i => (byte)(i * 7)).ToArray();
        var reading = ReadExactlyAsync(b, payload.Length, TimeSpan.FromSeconds(20));
        await a.WriteAsync(payload, TimeSpan.FromSeconds(20), default);
        Assert.Equal(payload, await reading);

        await b.WriteAsync(new byte[] { 0x55, 0x00, 0xFF }, TimeSpan.FromSeconds(1), default);
        Assert.Equal([0x55, 0x00, 0xFF], await ReadExactlyAsync(a, 3, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_second_open_of_the_same_port_is_refused()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var first = new LinuxSerialPort(pair.PathA, 57600);
        await first.OpenAsync(default);

        await using var second = new LinuxSerialPort(pair.PathA, 57600);
        var refused = await Assert.ThrowsAsync<TransportException>(() => second.OpenAsync(default));
        Assert.Contains("in use", refused.Message);
    }

    [Fact]
    public async Task Cancelling_a_pending_read_returns_at_once_and_loses_no_byte()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var a = new LinuxSerialPort(pair.PathA, 57600);
        await using var b = new LinuxSerialPort(pair.PathB, 57600);
        await a.OpenAsync(default);
        await b.OpenAsync(default);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await b.ReadAsync(new byte[16], cancel.Token));

        await a.WriteAsync(new byte[] { 42 }, TimeSpan.FromSeconds(1), default);
        Assert.Equal([42], await ReadExactlyAsync(b, 1, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Unplugging_ends_the_stream()
    {
        var pair = await SocatPair.StartAsync();
        await using var port = new LinuxSerialPort(pair.PathA, 57600);
        await port.OpenAsync(default);
        var reading = port.ReadAsync(new byte[16], default).AsTask();

        await pair.DisposeAsync();

        var finished = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.Same(reading, finished);
        Assert.Equal(0, await reading);
    }

    [Theory]
    [InlineData("/nonexistent/ttyUSB9")]
    [InlineData("/etc/hostname")]
    public async Task What_is_not_a_serial_port_is_refused(string path)
    {
        await using var port = new LinuxSerialPort(path, 57600);
        await Assert.ThrowsAsync<TransportException>(() => port.OpenAsync(default));
    }

    [Fact]
    public async Task A_non_standard_baud_rate_is_refused_or_applied_but_never_crashes()
    {
        await using var pair = await SocatPair.StartAsync();
        await using var port = new LinuxSerialPort(pair.PathA, 12345);
        var error = await Record.ExceptionAsync(() => port.OpenAsync(default));
        Assert.True(error is null or TransportException, error?.ToString());
    }
}
