using Gateway.Radio.EnOcean.Protocol.Esp3;
using Gateway.Serial;

namespace Gateway.Radio.EnOcean;

/// <summary>
/// One open link to an ESP3 dongle: decodes what arrives (skipping garbage), hands radio telegrams on, and sends
/// commands one at a time, each waiting for its RESPONSE within the ESP3 response timeout.
/// </summary>
internal sealed class Esp3Session(IByteTransport transport, Action<Esp3Packet> onPacket, EnOceanCounters counters)
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(1);

    private readonly Esp3FrameReader _reader = new();
    private readonly SemaphoreSlim _commandGate = new(1, 1);
    private TaskCompletionSource<Esp3Packet>? _pendingResponse;

    /// <summary>Reads until the link ends (unplug, closed socket) or cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        counters.Track(_reader);
        try
        {
            while (true)
            {
                var read = await ReadAsync(buffer, cancellationToken);
                if (read < 0)
                {
                    // A frame started and stopped: past the inter-byte timeout it will not be completed.
                    _reader.SkipPartialFrame();
                    while (_reader.TryRead(out var recovered)) Dispatch(recovered);
                    continue;
                }
                if (read == 0) return;
                counters.Add(ref counters.BytesReceived, read);
                _reader.Append(buffer.AsSpan(0, read));
                while (_reader.TryRead(out var packet)) Dispatch(packet);
            }
        }
        finally
        {
            Interlocked.Exchange(ref _pendingResponse, null)?.TrySetException(new TransportException("link lost"));
        }
    }

    /// <summary>Reads; -1 when a partial frame waits longer than the inter-byte timeout.</summary>
    private async ValueTask<int> ReadAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        if (!_reader.HasPartialFrame) return await transport.ReadAsync(buffer, cancellationToken);
        using var interByte = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        interByte.CancelAfter(Esp3Commands.InterByteTimeout);
        try
        {
            return await transport.ReadAsync(buffer, interByte.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return -1;
        }
    }

    /// <summary>
    /// Sends a packet and returns the dongle's RESPONSE, sending it again up to <paramref name="attempts"/> times in
    /// all when none comes in time; <see cref="TimeoutException"/> when the last attempt gets none either. Only for
    /// packets that do no harm twice (radio telegrams, reads): a lost RESPONSE does not mean a lost packet.
    /// </summary>
    public async Task<Esp3Packet> SendAsync(Esp3Packet packet, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendAsync(packet, cancellationToken);
            }
            catch (TimeoutException) when (attempt < attempts)
            {
            }
        }
    }

    /// <summary>Sends a packet and returns the dongle's RESPONSE; <see cref="TimeoutException"/> when none comes in time.</summary>
    public async Task<Esp3Packet> SendAsync(Esp3Packet packet, CancellationToken cancellationToken)
    {
        await _commandGate.WaitAsync(cancellationToken);
        try
        {
            var response = new TaskCompletionSource<Esp3Packet>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _pendingResponse, response);
            await transport.WriteAsync(packet.Encode(), WriteTimeout, cancellationToken);
            counters.Increment(ref counters.PacketsSent);
            try
            {
                return await response.Task.WaitAsync(Esp3Commands.ResponseTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                counters.Increment(ref counters.ResponseTimeouts);
                throw;
            }
        }
        finally
        {
            Volatile.Write(ref _pendingResponse, null);
            _commandGate.Release();
        }
    }

    private void Dispatch(Esp3Packet packet)
    {
        counters.Increment(ref counters.PacketsReceived);
        if (packet.PacketType == Esp3PacketType.Response)
        {
            if (Interlocked.Exchange(ref _pendingResponse, null) is { } pending) pending.TrySetResult(packet);
            else counters.Increment(ref counters.UnexpectedResponses);
            return;
        }
        onPacket(packet);
    }
}
