using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Serial;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// The MT transaction layer over one open link to a ZNP coordinator: at most one SREQ outstanding, answered by the
/// SRSP of the same subsystem and command (or an RPC error) within <see cref="SrspTimeout"/>; AREQs from the
/// coordinator go to every subscriber and to whoever waits for one with <see cref="WaitForAsync"/>.
/// </summary>
/// <remarks>
/// MT frames carry no sequence number: an SRSP that arrives after its request timed out is counted as unexpected and
/// dropped, unless a new request of the same command is already waiting (the same ambiguity zigpy-znp lives with).
/// Subscribers run on the reading loop and must return quickly.
/// </remarks>
public sealed class ZnpSession(IByteTransport transport, ZnpCounters counters, TimeProvider time)
{
    /// <summary>Z-Stack answers every SREQ within a few ms; zigpy-znp and zigbee-herdsman give up after 6 s.</summary>
    public static readonly TimeSpan DefaultSrspTimeout = TimeSpan.FromSeconds(6);

    /// <summary>A frame that started but stops arriving for this long is abandoned (115200 baud moves a frame in ~22 ms).</summary>
    public static readonly TimeSpan InterByteTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(2);

    private readonly MtFrameReader _reader = new();
    private readonly SemaphoreSlim _requestGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _subscribersGate = new();
    private Action<MtFrame>[] _subscribers = [];
    private readonly List<(Func<MtFrame, bool> Match, TaskCompletionSource<MtFrame> Waiter)> _waiters = [];
    private (MtFrame Request, TaskCompletionSource<MtFrame> Response)? _pending;
    private readonly Lock _pendingGate = new();

    public TimeSpan SrspTimeout { get; init; } = DefaultSrspTimeout;

    public string Name => transport.Name;

    /// <summary>When the last complete frame came in (a <see cref="TimeProvider"/> timestamp); 0 before the first.</summary>
    public long LastFrameReceived => Interlocked.Read(ref _lastFrameReceived);

    private long _lastFrameReceived;

    /// <summary>Reads until the link ends (unplug, closed socket) or cancellation; then fails whatever still waits.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        counters.Track(_reader);
        try
        {
            while (true)
            {
                var read = await ReadAsync(buffer, cancellationToken);
                if (read < 0)
                {
                    _reader.SkipPartialFrame();
                    DrainReader();
                    continue;
                }
                if (read == 0) return;
                counters.Add(ref counters.BytesReceived, read);
                _reader.Append(buffer.AsSpan(0, read));
                DrainReader();
            }
        }
        finally
        {
            var lost = new TransportException($"link {transport.Name} lost");
            lock (_pendingGate)
            {
                _pending?.Response.TrySetException(lost);
                _pending = null;
            }
            lock (_subscribersGate)
            {
                foreach (var (_, waiter) in _waiters) waiter.TrySetException(lost);
                _waiters.Clear();
            }
        }
    }

    /// <summary>Calls <paramref name="handler"/> for every AREQ the coordinator sends until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<MtFrame> handler)
    {
        lock (_subscribersGate) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    /// <summary>
    /// Sends an SREQ and returns its SRSP. Throws <see cref="ZnpTimeoutException"/> when none comes within
    /// <see cref="SrspTimeout"/>, <see cref="ZnpRpcErrorException"/> when the coordinator rejects the command.
    /// </summary>
    public async Task<MtFrame> RequestAsync(MtFrame request, CancellationToken cancellationToken)
    {
        if (request.Type != MtType.Sreq) throw new ArgumentException("only an SREQ gets an SRSP", nameof(request));
        await _requestGate.WaitAsync(cancellationToken);
        try
        {
            var response = new TaskCompletionSource<MtFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_pendingGate) _pending = (request, response);
            await WriteAsync(request, cancellationToken);
            MtFrame answer;
            try
            {
                answer = await response.Task.WaitAsync(SrspTimeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                counters.Increment(ref counters.SrspTimeouts);
                throw new ZnpTimeoutException(request, "SRSP", SrspTimeout);
            }
            if (answer.Subsystem == MtSubsystem.RpcError)
            {
                counters.Increment(ref counters.RpcErrors);
                throw new ZnpRpcErrorException(request, answer.Data.Length > 0 ? answer.Data[0] : (byte)0);
            }
            return answer;
        }
        finally
        {
            lock (_pendingGate) _pending = null;
            _requestGate.Release();
        }
    }

    /// <summary>Sends an AREQ (SYS_RESET_REQ and the like): nothing answers it directly.</summary>
    public Task SendAsync(MtFrame request, CancellationToken cancellationToken)
    {
        if (request.Type != MtType.Areq) throw new ArgumentException("use RequestAsync for an SREQ", nameof(request));
        return WriteAsync(request, cancellationToken).AsTask();
    }

    /// <summary>
    /// Starts waiting for the first AREQ that <paramref name="match"/>es. Call it before sending what provokes the
    /// indication, then await the task: <see cref="ZnpTimeoutException"/> when it does not come in time.
    /// </summary>
    public Task<MtFrame> WaitForAsync(Func<MtFrame, bool> match, string description, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<MtFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = (match, waiter);
        lock (_subscribersGate) _waiters.Add(entry);
        return AwaitAsync();

        async Task<MtFrame> AwaitAsync()
        {
            try
            {
                return await waiter.Task.WaitAsync(timeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                counters.Increment(ref counters.AreqTimeouts);
                throw new ZnpTimeoutException(null, description, timeout);
            }
            finally
            {
                lock (_subscribersGate) _waiters.Remove(entry);
            }
        }
    }

    private async ValueTask WriteAsync(MtFrame frame, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await transport.WriteAsync(frame.Encode(), WriteTimeout, cancellationToken);
            counters.Increment(ref counters.FramesSent);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Reads; -1 when a started frame waited longer than the inter-byte timeout.</summary>
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

    private void DrainReader()
    {
        while (_reader.TryRead(out var frame)) Dispatch(frame);
    }

    private void Dispatch(MtFrame frame)
    {
        counters.Increment(ref counters.FramesReceived);
        Interlocked.Exchange(ref _lastFrameReceived, time.GetTimestamp());
        if (frame.Type == MtType.Srsp)
        {
            TaskCompletionSource<MtFrame>? answered = null;
            lock (_pendingGate)
            {
                if (_pending is { } pending && (frame.Answers(pending.Request) || IsRpcErrorFor(frame, pending.Request)))
                {
                    answered = pending.Response;
                    _pending = null;
                }
            }
            if (answered is null) counters.Increment(ref counters.UnexpectedResponses);
            else answered.TrySetResult(frame);
            return;
        }
        if (frame.Type != MtType.Areq) return;
        counters.Increment(ref counters.IndicationsDispatched);
        Action<MtFrame>[] subscribers;
        lock (_subscribersGate)
        {
            subscribers = _subscribers;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(frame)) continue;
                _waiters[i].Waiter.TrySetResult(frame);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var subscriber in subscribers) subscriber(frame);
    }

    /// <summary>An RPC error SRSP names the CMD0 and CMD1 it rejects in its data.</summary>
    private static bool IsRpcErrorFor(MtFrame frame, MtFrame request) =>
        frame.Subsystem == MtSubsystem.RpcError && frame.Data.Length >= 3 && frame.Data[1] == request.Cmd0 && frame.Data[2] == request.Command;

    private void Unsubscribe(Action<MtFrame> handler)
    {
        lock (_subscribersGate) _subscribers = [.. _subscribers.Where(s => s != handler)];
    }

    private sealed class Subscription(ZnpSession session, Action<MtFrame> handler) : IDisposable
    {
        public void Dispose() => session.Unsubscribe(handler);
    }
}
