namespace Gateway.Cloud.Mqtt;

/// <summary>An eventfd the network loop polls next to its socket, so another thread can wake it.</summary>
internal sealed unsafe class WakeSignal : IDisposable
{
    private readonly Lock _gate = new();
    private int _fd;

    private WakeSignal(int fd) => _fd = fd;

    public int Fd => _fd;

    public static WakeSignal Create()
    {
        var fd = Libc.EventFd(0, Libc.EfdNonBlock | Libc.EfdCloexec);
        if (fd < 0) throw new MqttException("eventfd", System.Runtime.InteropServices.Marshal.GetLastPInvokeError(), "cannot create the loop's wake-up descriptor");
        return new WakeSignal(fd);
    }

    /// <summary>Only called while the loop sleeps, so rarely: the lock keeps a late signal off a closed (or reused) descriptor.</summary>
    public void Signal()
    {
        ulong one = 1;
        lock (_gate)
            if (_fd >= 0) Libc.Write(_fd, &one, sizeof(ulong));
    }

    public void Drain()
    {
        ulong value;
        Libc.Read(_fd, &value, sizeof(ulong));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_fd < 0) return;
            Libc.Close(_fd);
            _fd = -1;
        }
    }
}
