using System.Threading.Channels;

namespace Gateway.Daemon.Gpio;

/// <summary>
/// An input line with edge detection (debounced by the kernel): a small thread polls the line's descriptor and reads
/// its gpio_v2_line_event records, so no thread-pool thread ever blocks in read().
/// </summary>
internal sealed class LinuxGpioInputLine : IGpioInputLine
{
    private const int PollMilliseconds = 200;
    private readonly int _fd;
    private readonly Channel<bool> _edges = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Thread _reader;
    private volatile bool _stopping;

    public LinuxGpioInputLine(int fd)
    {
        _fd = fd;
        _reader = new Thread(ReadEvents) { IsBackground = true, Name = "gpio-button" };
        _reader.Start();
    }

    public ValueTask<bool> ReadEdgeAsync(CancellationToken cancellationToken) => _edges.Reader.ReadAsync(cancellationToken);

    private void ReadEvents()
    {
        var buffer = new byte[GpioUapi.LineEventSize * 16];
        while (!_stopping)
        {
            var poll = new GpioNative.PollFd { Fd = _fd, Events = GpioNative.PollIn };
            var ready = GpioNative.Poll(ref poll, 1, PollMilliseconds);
            if (ready == 0 || _stopping) continue;
            if (ready < 0)
            {
                if (System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == 4) continue; // EINTR
                break;
            }
            var read = GpioNative.Read(_fd, ref buffer[0], (nuint)buffer.Length);
            if (read <= 0) break;
            for (var at = 0; at + GpioUapi.LineEventSize <= read; at += GpioUapi.LineEventSize)
                if (GpioUapi.EdgeOf(buffer.AsSpan(at, GpioUapi.LineEventSize)) is { } edge) _edges.Writer.TryWrite(edge);
        }
        _edges.Writer.TryComplete();
    }

    public void Dispose()
    {
        _stopping = true;
        _reader.Join();
        GpioNative.Close(_fd);
    }
}
