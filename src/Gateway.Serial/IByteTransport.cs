namespace Gateway.Serial;

/// <summary>
/// A byte stream to a dongle: a local serial port or a <c>tcp://host:port</c> link (ser2net and the like).
/// One reader and one writer at a time.
/// </summary>
public interface IByteTransport : IAsyncDisposable
{
    /// <summary>The port or address as configured.</summary>
    string Name { get; }

    /// <summary>Opens the link; throws <see cref="TransportException"/> when the dongle is absent or busy.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Waits for bytes; returns 0 when the link is gone (unplugged dongle, closed socket).</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes everything or throws <see cref="TransportException"/> (link gone, or <paramref name="timeout"/> passed).</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken);
}
