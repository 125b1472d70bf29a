using Gateway.Core.Errors;
using Gateway.Storage;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// Keeps the execution history bounded (at start, then periodically) and records the executions a previous run left
/// unfinished as interrupted. Neither may stop the daemon: on a full disk both wait and try again.
/// </summary>
public sealed class StorageMaintenance(SqliteExecutionStore executions, HistoryOptions options, TimeProvider time,
    ILogger<StorageMaintenance> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyList<string> _interrupted = [];
    private Task _loop = Task.CompletedTask;
    private bool _storageFailing;

    /// <summary>Runs a first round now (only reads are required to succeed), then keeps going in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _interrupted = await executions.ListUnfinishedAsync(cancellationToken);
        await RunOnceAsync(cancellationToken);
        _loop = Task.Run(LoopAsync, CancellationToken.None);
    }

    /// <summary>Stops the background loop; called by the lifecycle and again by the container, so it may run twice.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task LoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            var wait = _interrupted.Count > 0 || _storageFailing ? options.StorageRetryDelay : options.PruneInterval;
            await Task.Delay(wait, time, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (token.IsCancellationRequested) return;
            await RunOnceAsync(token);
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_interrupted.Count > 0)
            {
                var failed = await executions.FailInterruptedAsync(_interrupted, Now(), cancellationToken);
                _interrupted = [];
                if (failed > 0) logger.LogWarning("{Count} execution(s) were interrupted by the last stop and are recorded as failed", failed);
            }
            var cutoff = time.GetUtcNow().AddDays(-Math.Max(0, options.MaxAgeDays)).ToUnixTimeMilliseconds();
            var pruned = await executions.PruneAsync(options.MaxExecutions, cutoff, cancellationToken);
            if (pruned > 0) logger.LogInformation("Pruned {Count} execution(s) from history (keeping {Max}, {Days} days)", pruned, options.MaxExecutions, options.MaxAgeDays);
            if (_storageFailing) logger.LogInformation("Storage works again; history maintenance done");
            _storageFailing = false;
        }
        catch (StorageUnavailableException ex)
        {
            if (!_storageFailing)
                logger.LogError("History maintenance deferred, storage is failing ({Cause}); retrying every {Delay}", ex.Message, options.StorageRetryDelay);
            _storageFailing = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
