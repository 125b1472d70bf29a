using System.Net;
using System.Net.Sockets;
using Gateway.Serial;

namespace Gateway.Radio.ZWave.Tests;

/// <summary>Two transports joined by a loopback TCP connection: the host's end and the controller's end.</summary>
internal sealed class TcpLink : IAsyncDisposable
{
    private TcpLink(TcpClient host, TcpClient controller)
    {
        Host = new StreamTransport(host.GetStream(), "host");
        Controller = new StreamTransport(controller.GetStream(), "controller");
    }

    public IByteTransport Host { get; }
    public IByteTransport Controller { get; }

    public static async Task<TcpLink> OpenAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var host = new TcpClient();
        await host.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var controller = await listener.AcceptTcpClientAsync();
        return new TcpLink(host, controller);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Controller.DisposeAsync();
    }
}
