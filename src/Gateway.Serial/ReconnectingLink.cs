using Microsoft.Extensions.Logging;

namespace Gateway.Serial;

/// <summary>
/// Keeps a dongle connected: opens the transport, runs the driver's session on it until the link drops (read
/// returns 0, or the session throws), then reopens with exponential backoff. An unplugged USB stick that comes
/// back under the same name is picked up again without a restart.
/// </summary>
public sealed class ReconnectingLink(
    Func<IByteTransport> createTransport,
    Func<IByteTransport, CancellationToken, Task> session,
    TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private long _connects, _disconnects, _openFailures;
    private volatile bool _connected;

    public bool Connected => _connected;
    public long Connects => Interlocked.Read(ref _connects);
    public long Disconnects => Interlocked.Read(ref _disconnects);
    public long OpenFailures => Interlocked.Read(ref _openFailures);

    public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            var transport = createTransport();
            try
            {
                await transport.OpenAsync(cancellationToken);
                Interlocked.Increment(ref _connects);
                _connected = true;
                logger.LogInformation("Dongle link {Port} open", transport.Name);
                retry = FirstRetry;
                await session(transport, cancellationToken);
                if (!cancellationToken.IsCancellationRequested) logger.LogWarning("Dongle link {Port} lost", transport.Name);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (TransportException ex) when (!_connected)
            {
                Interlocked.Increment(ref _openFailures);
                logger.LogWarning("Dongle link {Port} unavailable: {Reason}; retrying in {Delay}", transport.Name, ex.Message, retry);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Dongle session on {Port} failed", transport.Name);
            }
            finally
            {
                if (_connected) Interlocked.Increment(ref _disconnects);
                _connected = false;
                await transport.DisposeAsync();
            }
            try
            {
                await Task.Delay(retry, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }
}
