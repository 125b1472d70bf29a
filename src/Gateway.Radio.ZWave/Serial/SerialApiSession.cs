using Gateway.Serial;

namespace Gateway.Radio.ZWave.Serial;

/// <summary>
/// The host side of one Serial API connection. The reading loop ACKs every valid data frame, NAKs a bad one, and
/// hands ACK/NAK/CAN, responses and callbacks to the transaction in flight; other requests from the controller go to
/// <see cref="Unsolicited"/>. Transactions run one at a time: a frame is sent up to
/// <see cref="SerialApiTimeouts.Attempts"/> times until the controller ACKs it (NAK, CAN and a missing ACK all cause a
/// retransmission after <see cref="SerialApiTimeouts.RetransmissionDelay"/>), then the response and the callback are awaited.
/// </summary>
public sealed class SerialApiSession(IByteTransport transport, SerialApiCounters counters, TimeProvider time, SerialApiTimeouts timeouts)
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _transactionGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _gate = new();
    private TaskCompletionSource<ReadEvent>? _ack;
    private TaskCompletionSource<SerialFrame>? _response, _callback;
    private SerialApiTransaction? _inFlight;
    private int _nextCallbackId;
    private volatile bool _unresponsive;

    public string Name => transport.Name;

    /// <summary>Requests from the controller no transaction waits for (application commands, node updates …).</summary>
    public event Action<SerialFrame>? Unsolicited;

    /// <summary>True once a frame went unacknowledged after every attempt, or a request got no response: the controller is wedged.</summary>
    public bool Unresponsive => _unresponsive;

    /// <summary>Callback ids run 1…255; 0 means "no callback".</summary>
    public byte NextCallbackId()
    {
        var next = Interlocked.Increment(ref _nextCallbackId);
        return (byte)((next - 1) % 255 + 1);
    }

    /// <summary>Reads until the link goes away or is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = new SerialFrameReader(time, SerialFrameReader.DefaultByteTimeout);
        var buffer = new byte[256];
        long garbage = 0, checksums = 0, bad = 0, byteTimeouts = 0;
        try
        {
            while (true)
            {
                var read = await transport.ReadAsync(buffer, cancellationToken);
                if (read == 0) return;
                for (var i = 0; i < read; i++)
                {
                    switch (reader.Feed(buffer[i]))
                    {
                        case ReadEvent.Ack:
                            Interlocked.Increment(ref counters.AcksReceived);
                            Signal(ReadEvent.Ack);
                            break;
                        case ReadEvent.Nak:
                            Interlocked.Increment(ref counters.NaksReceived);
                            Signal(ReadEvent.Nak);
                            break;
                        case ReadEvent.Can:
                            Interlocked.Increment(ref counters.CansReceived);
                            Signal(ReadEvent.Can);
                            break;
                        case ReadEvent.BadFrame:
                            Interlocked.Increment(ref counters.NaksSent);
                            await WriteAsync([FrameBytes.Nak], cancellationToken);
                            break;
                        case ReadEvent.Frame:
                            Interlocked.Increment(ref counters.FramesReceived);
                            Interlocked.Increment(ref counters.AcksSent);
                            await WriteAsync([FrameBytes.Ack], cancellationToken);
                            Dispatch(reader.Frame!);
                            break;
                    }
                }
                Add(ref counters.GarbageBytes, reader.GarbageBytes, ref garbage);
                Add(ref counters.BadChecksums, reader.BadChecksums, ref checksums);
                Add(ref counters.BadFrames, reader.BadFrames, ref bad);
                Add(ref counters.ByteTimeouts, reader.ByteTimeouts, ref byteTimeouts);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (TransportException)
        {
        }
    }

    private static void Add(ref long total, long now, ref long seen)
    {
        if (now == seen) return;
        Interlocked.Add(ref total, now - seen);
        seen = now;
    }

    /// <summary>Sends a NAK: what a host does on opening the port so a controller half-way through a frame starts over.</summary>
    public Task ResyncAsync(CancellationToken cancellationToken) => WriteAsync([FrameBytes.Nak], cancellationToken);

    /// <summary>
    /// Runs one transaction. Throws <see cref="SerialApiTimeoutException"/> when the controller does not ACK after
    /// every attempt, or does not answer or call back in time.
    /// </summary>
    public async Task<SerialApiResult> RequestAsync(SerialApiTransaction transaction, CancellationToken cancellationToken)
    {
        await _transactionGate.WaitAsync(cancellationToken);
        try
        {
            var response = transaction.ExpectsResponse ? new TaskCompletionSource<SerialFrame>(TaskCreationOptions.RunContinuationsAsynchronously) : null;
            var callback = transaction.CallbackId != 0 ? new TaskCompletionSource<SerialFrame>(TaskCreationOptions.RunContinuationsAsynchronously) : null;
            lock (_gate)
            {
                _inFlight = transaction;
                _response = response;
                _callback = callback;
            }
            await SendWithRetransmissionAsync(transaction.Request, cancellationToken);
            SerialFrame? answer = null, called = null;
            if (response is not null)
            {
                // A controller that ACKs and then never answers is as wedged as one that does not ACK.
                answer = await WaitAsync(response.Task, timeouts.Response, () =>
                    {
                        Interlocked.Increment(ref counters.ResponseTimeouts);
                        _unresponsive = true;
                    },
                    $"no response to 0x{transaction.Request.FunctionId:X2}", cancellationToken);
                if (transaction.Refused?.Invoke(answer) == true) return new SerialApiResult(answer, null);
            }
            if (callback is not null)
                called = await WaitAsync(callback.Task, transaction.CallbackTimeout ?? timeouts.Callback, () => Interlocked.Increment(ref counters.CallbackTimeouts),
                    $"no callback for 0x{transaction.Request.FunctionId:X2} (callback id {transaction.CallbackId})", cancellationToken, missingCallback: true);
            return new SerialApiResult(answer, called);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = null;
                _response = null;
                _callback = null;
                _ack = null;
            }
            _transactionGate.Release();
        }
    }

    private async Task<SerialFrame> WaitAsync(Task<SerialFrame> task, TimeSpan timeout, Action count, string what, CancellationToken cancellationToken,
        bool missingCallback = false)
    {
        try
        {
            return await task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            count();
            throw new SerialApiTimeoutException(what, missingCallback);
        }
    }

    private async Task SendWithRetransmissionAsync(SerialFrame request, CancellationToken cancellationToken)
    {
        var bytes = SerialFrameCodec.Encode(request);
        for (var attempt = 1; ; attempt++)
        {
            var ack = new TaskCompletionSource<ReadEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate) _ack = ack;
            await WriteAsync(bytes, cancellationToken);
            Interlocked.Increment(ref counters.FramesSent);
            ReadEvent outcome;
            try
            {
                outcome = await ack.Task.WaitAsync(timeouts.Ack, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref counters.AckTimeouts);
                outcome = ReadEvent.None;
            }
            lock (_gate) _ack = null;
            if (outcome == ReadEvent.Ack)
            {
                _unresponsive = false;
                return;
            }
            if (attempt >= timeouts.Attempts)
            {
                _unresponsive = outcome == ReadEvent.None;
                throw new SerialApiTimeoutException(outcome == ReadEvent.None
                    ? $"the controller did not ACK 0x{request.FunctionId:X2} after {attempt} attempts"
                    : $"the controller answered {outcome} to 0x{request.FunctionId:X2} {attempt} times");
            }
            Interlocked.Increment(ref counters.Retransmissions);
            await Task.Delay(SerialApiTimeouts.RetransmissionDelay(attempt), time, cancellationToken);
        }
    }

    private void Signal(ReadEvent symbol)
    {
        lock (_gate) _ack?.TrySetResult(symbol);
    }

    private void Dispatch(SerialFrame frame)
    {
        lock (_gate)
        {
            var inFlight = _inFlight;
            if (inFlight is not null && frame.FunctionId == inFlight.Request.FunctionId)
            {
                if (frame.Type == FrameType.Response && _response is { Task.IsCompleted: false } response)
                {
                    response.TrySetResult(frame);
                    return;
                }
                if (frame.Type == FrameType.Request && _callback is { Task.IsCompleted: false } callback
                    && frame.Payload.Length > 0 && frame.Payload[0] == inFlight.CallbackId)
                {
                    callback.TrySetResult(frame);
                    return;
                }
            }
        }
        if (frame.Type == FrameType.Response)
        {
            Interlocked.Increment(ref counters.UnexpectedFrames);
            return;
        }
        Interlocked.Increment(ref counters.Unsolicited);
        Unsolicited?.Invoke(frame);
    }

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await transport.WriteAsync(bytes, WriteTimeout, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
