using System.Threading.Channels;

namespace Gateway.Serial.Linux;

/// <summary>
/// A serial port over libc termios (System.IO.Ports is not available here): raw 8N1, exclusive, read by a
/// dedicated thread blocked in poll() next to an eventfd, so closing wakes it at once and an unplugged dongle
/// (POLLHUP/POLLERR, EIO) ends the stream within milliseconds.
/// </summary>
public sealed class LinuxSerialPort(string path, int baudRate) : IByteTransport
{
    private readonly Channel<byte[]> _received = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private int _fd = -1;
    private int _wake = -1;
    private Thread? _reader;
    private byte[]? _pending;
    private int _pendingOffset;

    public string Name => path;

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_fd >= 0) throw new InvalidOperationException($"{path} is already open");
        var fd = Libc.Open(path, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (fd < 0) throw new TransportException($"cannot open {path}: {Libc.Describe(Libc.LastError)}");
        try
        {
            // flock keeps a second gatewayd (or anything else that asks) off the dongle.
            if (Libc.Flock(fd, Libc.LOCK_EX | Libc.LOCK_NB) != 0)
                throw new TransportException($"{path} is in use by another process: {Libc.Describe(Libc.LastError)}");
            Libc.Ioctl(fd, Libc.TIOCEXCL);
            Configure(fd);
            Libc.TcFlush(fd, Libc.TCIOFLUSH);
            _wake = Libc.EventFd(0, Libc.EFD_CLOEXEC | Libc.EFD_NONBLOCK);
            if (_wake < 0) throw new TransportException($"eventfd failed: {Libc.Describe(Libc.LastError)}");
        }
        catch
        {
            Libc.Close(fd);
            throw;
        }
        _fd = fd;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"serial {path}" };
        _reader.Start();
        return Task.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_pending is null)
        {
            if (!await _received.Reader.WaitToReadAsync(cancellationToken) || !_received.Reader.TryRead(out _pending)) return 0;
            _pendingOffset = 0;
        }
        var count = Math.Min(buffer.Length, _pending.Length - _pendingOffset);
        _pending.AsMemory(_pendingOffset, count).CopyTo(buffer);
        _pendingOffset += count;
        if (_pendingOffset == _pending.Length) _pending = null;
        return count;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var fd = _fd;
        if (fd < 0) throw new TransportException($"{path} is not open");
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var offset = 0;
        while (offset < data.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var written = WriteSome(fd, data.Span[offset..]);
            if (written > 0)
            {
                offset += written;
                continue;
            }
            // The kernel buffer is full (EAGAIN) at real baud rates: wait until it drains a little.
            if (Environment.TickCount64 > deadline) throw new TransportException($"write to {path} timed out");
            await Task.Run(() => WaitWritable(fd, 50), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var wake = Interlocked.Exchange(ref _wake, -1);
        if (wake >= 0)
        {
            Signal(wake);
            if (_reader is not null) await Task.Run(() => _reader.Join(TimeSpan.FromSeconds(2)));
            Libc.Close(wake);
        }
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) Libc.Close(fd);
        _received.Writer.TryComplete();
    }

    private void Configure(int fd)
    {
        if (Libc.TcGetAttr(fd, out var termios) != 0)
            throw new TransportException($"{path} is not a terminal: {Libc.Describe(Libc.LastError)}");
        Libc.CfMakeRaw(ref termios);
        termios.c_cflag &= ~(Libc.CSIZE | Libc.CSTOPB | Libc.PARENB | Libc.CRTSCTS);
        termios.c_cflag |= Libc.CS8 | Libc.CREAD | Libc.CLOCAL;
        SetSpeed(ref termios);
        if (Libc.TcSetAttr(fd, Libc.TCSANOW, termios) != 0)
            throw new TransportException($"cannot configure {path}: {Libc.Describe(Libc.LastError)}");
    }

    /// <summary>Plain numbers work on newer glibc; older ones want the Bxxxx code. Try the number, then the code.</summary>
    private void SetSpeed(ref Libc.Termios termios)
    {
        var plain = (uint)baudRate;
        if (Libc.CfSetISpeed(ref termios, plain) == 0 && Libc.CfSetOSpeed(ref termios, plain) == 0) return;
        var code = BaudRates.Code(baudRate) ?? throw new TransportException($"{baudRate} baud is not a standard rate");
        if (Libc.CfSetISpeed(ref termios, code) != 0 || Libc.CfSetOSpeed(ref termios, code) != 0)
            throw new TransportException($"cannot set {baudRate} baud on {path}: {Libc.Describe(Libc.LastError)}");
    }

    private unsafe void ReadLoop()
    {
        var buffer = new byte[4096];
        var fds = stackalloc Libc.PollFd[2];
        try
        {
            while (true)
            {
                fds[0] = new Libc.PollFd { fd = _fd, events = Libc.POLLIN };
                fds[1] = new Libc.PollFd { fd = _wake, events = Libc.POLLIN };
                if (fds[0].fd < 0 || fds[1].fd < 0) return;
                var ready = Libc.Poll(fds, 2, -1);
                if (ready < 0)
                {
                    if (Libc.LastError == Libc.EINTR) continue;
                    return;
                }
                if (fds[1].revents != 0) return; // closing
                if ((fds[0].revents & Libc.POLLIN) != 0)
                {
                    nint count;
                    fixed (byte* p = buffer) count = Libc.Read(_fd, p, (nuint)buffer.Length);
                    if (count > 0)
                    {
                        // A full buffer pushes back on the dongle (the kernel buffers, then the line) instead of growing memory.
                        var chunk = buffer.AsSpan(0, (int)count).ToArray();
                        while (!_received.Writer.TryWrite(chunk))
                        {
                            if (Volatile.Read(ref _wake) < 0) return;
                            Thread.Sleep(1);
                        }
                        continue;
                    }
                    if (count < 0 && Libc.LastError is Libc.EAGAIN or Libc.EINTR) continue;
                    return; // 0 or EIO: the device went away
                }
                if ((fds[0].revents & (Libc.POLLHUP | Libc.POLLERR | Libc.POLLNVAL)) != 0) return;
            }
        }
        catch (Exception)
        {
            // Channel closed by dispose; the stream simply ends.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    private static unsafe int WriteSome(int fd, ReadOnlySpan<byte> data)
    {
        nint written;
        fixed (byte* p = data) written = Libc.Write(fd, p, (nuint)data.Length);
        if (written >= 0) return (int)written;
        var errno = Libc.LastError;
        if (errno is Libc.EAGAIN or Libc.EINTR) return 0;
        throw new TransportException($"write failed: {Libc.Describe(errno)}");
    }

    private static unsafe void WaitWritable(int fd, int timeoutMs)
    {
        var pollFd = new Libc.PollFd { fd = fd, events = Libc.POLLOUT };
        Libc.Poll(&pollFd, 1, timeoutMs);
        if ((pollFd.revents & (Libc.POLLHUP | Libc.POLLERR | Libc.POLLNVAL)) != 0) throw new TransportException("device went away");
    }

    private static unsafe void Signal(int eventFd)
    {
        ulong one = 1;
        Libc.Write(eventFd, (byte*)&one, 8);
    }
}
