using System.Net;
using System.Net.Sockets;

namespace Gateway.Serial.Tests;

public class TcpTransportTests
{
    [Fact]
    public async Task A_tcp_link_carries_bytes_and_reports_the_remote_close()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var transport = ByteTransports.Create($"tcp://127.0.0.1:{port}", 57600);
        await transport.OpenAsync(default);
        using var remote = await listener.AcceptTcpClientAsync();
        var stream = remote.GetStream();

        await transport.WriteAsync(new byte[] { 9, 8, 7 }, TimeSpan.FromSeconds(1), default);
        var echo = new byte[3];
        await stream.ReadExactlyAsync(echo);
        Assert.Equal([9, 8, 7], echo);

        await stream.WriteAsync(new byte[] { 5 });
        var buffer = new byte[8];
        Assert.Equal(1, await transport.ReadAsync(buffer, default));
        remote.Close();
        Assert.Equal(0, await transport.ReadAsync(buffer, default));
    }

    [Fact]
    public async Task Nobody_listening_is_a_transport_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var transport = ByteTransports.Create($"tcp://127.0.0.1:{port}", 57600);
        await Assert.ThrowsAsync<TransportException>(() => transport.OpenAsync(default));
    }
}
