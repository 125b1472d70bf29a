using System.Net.Sockets;
using System.Text;

namespace Gateway.Daemon.Hosting;

/// <summary>sd_notify over $NOTIFY_SOCKET (READY=1, WATCHDOG=1, STOPPING=1); does nothing outside systemd.</summary>
public sealed class SystemdNotifier
{
    private readonly string? _socketPath = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");

    public bool IsActive => !string.IsNullOrEmpty(_socketPath);

    /// <summary>The watchdog interval systemd asked for, if any.</summary>
    public TimeSpan? WatchdogInterval =>
        long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out var usec) && usec > 0 ? TimeSpan.FromMicroseconds(usec) : null;

    public void Notify(string state)
    {
        if (_socketPath is null or "") return;
        var path = _socketPath[0] == '@' ? "\0" + _socketPath[1..] : _socketPath;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            socket.Send(Encoding.UTF8.GetBytes(state));
        }
        catch (SocketException)
        {
            // systemd went away or never listened; the daemon runs on regardless.
        }
    }
}
