using System.Net;
using System.Net.Sockets;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Tries the API ports before the radios start, so a port in use is one line and nothing has been driven yet.
/// SO_REUSEADDR like Kestrel, so a port left in TIME_WAIT by our own last run is not mistaken for a busy one.
/// </summary>
public static class PortProbe
{
    public static void EnsureFree(IPAddress address, int port, string key)
    {
        if (port == 0) return;
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(1);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new StartupException($"port {port} on {address} is already in use ({key}); stop what listens there or choose another port with --{key}=PORT");
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AccessDenied or SocketError.AddressNotAvailable)
        {
            var reason = ex.SocketErrorCode == SocketError.AccessDenied ? "permission denied (ports below 1024 need privileges)" : "the address is not one of this machine's";
            throw new StartupException($"cannot listen on {address}:{port} ({key}): {reason}");
        }
    }
}
