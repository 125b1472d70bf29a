using System.Net.Sockets;

namespace Gateway.Serial.Tcp;

/// <summary>A dongle behind a TCP socket (ser2net, ESP-link, remote USB-to-serial servers).</summary>
public sealed class TcpTransport(string name, string host, int port) : IByteTransport
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private TcpClient? _client;
    private NetworkStream? _stream;

    public string Name => name;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new TransportException($"cannot connect to {name}: {ex.Message}", ex);
        }
        _client = client;
        _stream = client.GetStream();
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new TransportException($"{name} is not open");
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new TransportException($"{name} is not open");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await stream.WriteAsync(data, limit.Token);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TransportException($"write to {name} failed: {ex.Message}", ex);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stream?.Dispose();
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }
}
