using Gateway.Radio.Io.Protocol;
using Gateway.Serial;

namespace Gateway.Radio.Io.Link;

/// <summary>
/// One connection to a KLF-200: reads frames and hands notifications on, and runs request/answer exchanges one at a
/// time (the interface works through one request at a time). Every write goes through an exchange.
/// </summary>
public sealed class KlfSession(IByteTransport transport, Action<KlfFrame> onNotification, IoCounters counters, TimeProvider time)
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _exchangeGate = new(1, 1);
    private readonly KlfFrameReader _reader = new();
    private readonly Lock _gate = new();
    private Exchange? _exchange;
    private volatile bool _closed;

    /// <summary>When the last frame went out; the keep-alive runs when the link has been quiet.</summary>
    public long LastWrite { get; private set; } = time.GetTimestamp();

    /// <summary>Reads until the link drops; then fails the exchange in progress.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var read = await transport.ReadAsync(buffer, cancellationToken);
                if (read == 0) return;
                var errorsBefore = _reader.Errors;
                _reader.Feed(buffer.AsSpan(0, read), Dispatch);
                if (_reader.Errors != errorsBefore) Interlocked.Add(ref counters.FrameErrors, _reader.Errors - errorsBefore);
            }
        }
        finally
        {
            _closed = true;
            lock (_gate) _exchange?.Fail(new TransportException("link to the KLF-200 lost"));
        }
    }

    /// <summary>Sends <paramref name="request"/> and waits for its confirmation frame.</summary>
    public async Task<KlfFrame> RequestAsync(KlfFrame request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var confirm = KlfCommand.ConfirmationOf(request.Command);
        var frames = await ExchangeAsync(request, f => f.Command == confirm ? ExchangeStep.Finish : ExchangeStep.NotMine, timeout, cancellationToken);
        return frames[^1];
    }

    /// <summary>
    /// Sends <paramref name="request"/>; every frame received until <paramref name="step"/> says Finish and that it
    /// takes is returned in order. A GW_ERROR_NTF ends the exchange with <see cref="KlfErrorException"/>.
    /// </summary>
    public async Task<IReadOnlyList<KlfFrame>> ExchangeAsync(KlfFrame request, Func<KlfFrame, ExchangeStep> step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _exchangeGate.WaitAsync(cancellationToken);
        var exchange = new Exchange(step);
        try
        {
            if (_closed) throw new TransportException("link to the KLF-200 lost");
            lock (_gate) _exchange = exchange;
            await transport.WriteAsync(request.ToWire(), WriteTimeout, cancellationToken);
            LastWrite = time.GetTimestamp();
            Interlocked.Increment(ref counters.FramesOut);
            try
            {
                return await exchange.Done.Task.WaitAsync(timeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref counters.Timeouts);
                throw new TimeoutException($"the KLF-200 did not answer 0x{request.Command:X4} within {timeout.TotalSeconds:0.#} s");
            }
        }
        finally
        {
            lock (_gate)
                if (_exchange == exchange) _exchange = null;
            _exchangeGate.Release();
        }
    }

    private void Dispatch(KlfFrame frame)
    {
        Interlocked.Increment(ref counters.FramesIn);
        lock (_gate)
        {
            if (_exchange is { } exchange)
            {
                if (frame.Command == KlfCommand.ErrorNtf)
                {
                    Interlocked.Increment(ref counters.ErrorNotifications);
                    exchange.Fail(new KlfErrorException(frame.Data.Length > 0 ? frame.Data[0] : (byte)0));
                    _exchange = null;
                    return;
                }
                if (exchange.Offer(frame))
                {
                    if (exchange.Done.Task.IsCompleted) _exchange = null;
                    return;
                }
            }
        }
        if (frame.Command == KlfCommand.ErrorNtf) Interlocked.Increment(ref counters.ErrorNotifications);
        onNotification(frame);
    }

    private sealed class Exchange(Func<KlfFrame, ExchangeStep> step)
    {
        private readonly List<KlfFrame> _frames = [];

        public TaskCompletionSource<IReadOnlyList<KlfFrame>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True when the frame belonged to this exchange.</summary>
        public bool Offer(KlfFrame frame)
        {
            ExchangeStep answer;
            try
            {
                answer = step(frame);
            }
            catch (Exception ex)
            {
                Done.TrySetException(new InvalidDataException($"the KLF-200 answered with a malformed frame {frame}: {ex.Message}", ex));
                return true;
            }
            if (answer == ExchangeStep.NotMine) return false;
            _frames.Add(frame);
            if (answer == ExchangeStep.Finish) Done.TrySetResult(_frames);
            return true;
        }

        public void Fail(Exception error) => Done.TrySetException(error);
    }
}
