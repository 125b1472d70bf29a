namespace Gateway.Serial;

/// <summary>An already-connected stream (a device simulator's accepted TCP socket, a test pipe) seen as a transport.</summary>
public sealed class StreamTransport(Stream stream, string name) : IByteTransport
{
    public string Name => name;

    public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await stream.WriteAsync(data, limit.Token);
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
