using Gateway.Radio.Rts.Protocol;
using Gateway.Serial;

namespace Gateway.Radio.Rts;

/// <summary>
/// One open link to an RFXtrx: cuts what arrives into frames (dropping garbage and frames cut short), numbers what
/// it sends, and matches each answer to its command by sequence number. One command is in flight at a time.
/// Remote-list entries (which reuse the sequence byte as their index) go to <see cref="RemoteListed"/>.
/// </summary>
internal sealed class RfxSession(IByteTransport transport, RtsCounters counters, TimeProvider time)
{
    /// <summary>At 38400 baud a whole frame takes under 20 ms: a pause this long inside one means it was cut.</summary>
    public static readonly TimeSpan InterByteTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(1);

    private readonly RfxFrameReader _reader = new();
    private readonly SemaphoreSlim _commandGate = new(1, 1);
    private TaskCompletionSource<RfxFrame>? _pending;
    private int _pendingSequence = -1;
    private int _sequence;

    /// <summary>Called on the read loop for every remote-list entry.</summary>
    public Action<RfyRemoteEntry>? RemoteListed { get; set; }

    /// <summary>True while the read loop runs (the link is up).</summary>
    public bool Running { get; private set; }

    /// <summary>Reads until the link ends (unplug, closed socket) or cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        counters.Track(_reader);
        Running = true;
        try
        {
            while (true)
            {
                var read = await ReadAsync(buffer, cancellationToken);
                if (read < 0)
                {
                    _reader.SkipPartialFrame();
                    while (_reader.TryRead(out var recovered)) Dispatch(recovered);
                    continue;
                }
                if (read == 0) return;
                counters.Add(ref counters.BytesReceived, read);
                _reader.Append(buffer.AsSpan(0, read));
                while (_reader.TryRead(out var frame)) Dispatch(frame);
            }
        }
        finally
        {
            Running = false;
            Interlocked.Exchange(ref _pending, null)?.TrySetException(new TransportException("link lost"));
        }
    }

    /// <summary>Writes without waiting for an answer (the reset command has none).</summary>
    public async Task WriteAsync(Func<byte, RfxFrame> build, CancellationToken cancellationToken)
    {
        await _commandGate.WaitAsync(cancellationToken);
        try
        {
            await transport.WriteAsync(build(NextSequence()).Encode(), WriteTimeout, cancellationToken);
            counters.Increment(ref counters.FramesSent);
        }
        finally
        {
            _commandGate.Release();
        }
    }

    /// <summary>
    /// Sends the frame <paramref name="build"/> makes with the next sequence number and returns the interface's
    /// answer with that number; <see cref="TimeoutException"/> when none comes within <paramref name="timeout"/>.
    /// </summary>
    public async Task<RfxFrame> SendAsync(Func<byte, RfxFrame> build, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _commandGate.WaitAsync(cancellationToken);
        try
        {
            var sequence = NextSequence();
            var answer = new TaskCompletionSource<RfxFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _pendingSequence, sequence);
            Volatile.Write(ref _pending, answer);
            await transport.WriteAsync(build(sequence).Encode(), WriteTimeout, cancellationToken);
            counters.Increment(ref counters.FramesSent);
            try
            {
                return await answer.Task.WaitAsync(timeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                counters.Increment(ref counters.ResponseTimeouts);
                throw;
            }
        }
        finally
        {
            Volatile.Write(ref _pending, null);
            Volatile.Write(ref _pendingSequence, -1);
            _commandGate.Release();
        }
    }

    /// <summary>While true, every frame that arrives is dropped (the interface's chatter right after a reset).</summary>
    public bool Discarding { get; set; }

    private byte NextSequence() => (byte)Interlocked.Increment(ref _sequence);

    private async ValueTask<int> ReadAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        if (!_reader.HasPartialFrame) return await transport.ReadAsync(buffer, cancellationToken);
        using var interByte = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        interByte.CancelAfter(InterByteTimeout);
        try
        {
            return await transport.ReadAsync(buffer, interByte.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return -1;
        }
    }

    private void Dispatch(RfxFrame frame)
    {
        counters.Increment(ref counters.FramesReceived);
        if (Discarding) return;
        if (RfyRemoteEntry.TryParse(frame, out var entry))
        {
            RemoteListed?.Invoke(entry);
            return;
        }
        var isAnswer = frame.PacketType is RfxPacketTypes.TransmitterMessage or RfxPacketTypes.InterfaceMessage;
        if (isAnswer && frame.Sequence == Volatile.Read(ref _pendingSequence) && Interlocked.Exchange(ref _pending, null) is { } pending)
        {
            pending.TrySetResult(frame);
            return;
        }
        // Received radio packets (the RTS radio enables no receiver protocol) and late answers.
        counters.Increment(ref counters.UnexpectedFrames);
    }
}
