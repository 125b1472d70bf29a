using Gateway.Core.Errors;
using Gateway.Core.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage.History;

/// <summary>
/// Records state changes from the event bus and rolls the history up on <see cref="StateHistoryOptions.RollUpInterval"/>
/// (once at start too), on the gateway's <see cref="TimeProvider"/>.
/// </summary>
public sealed class StateHistoryService(IEventBus bus, StateHistoryRecorder recorder, SqliteStateHistoryStore store, StateHistoryOptions options,
    TimeProvider time, ILogger<StateHistoryService> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(recorder);
        recorder.Start();
        _loop = Task.Run(LoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>One roll-up now: the queued samples are committed first so the hours it closes are complete.</summary>
    public async Task<StateHistoryRollUpResult> RollUpNowAsync(CancellationToken cancellationToken)
    {
        // The time is taken before the flush: every sample stamped before it is then in the database.
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await recorder.FlushAsync(cancellationToken);
        var result = await store.RollUpAsync(now, options, cancellationToken);
        if (result.DeletedRows > 0 || result.DailyRows > 0)
            logger.LogInformation("State history rolled up: {Hours} hourly and {Days} daily period(s) written, {Deleted} expired row(s) deleted",
                result.HourlyRows, result.DailyRows, result.DeletedRows);
        return result;
    }

    private async Task LoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await RollUpNowAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is StorageUnavailableException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError("State history roll-up failed ({Cause}); trying again in {Interval}", ex.Message, options.RollUpInterval);
            }
            await Task.Delay(options.RollUpInterval, time, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await recorder.DisposeAsync();
    }
}
