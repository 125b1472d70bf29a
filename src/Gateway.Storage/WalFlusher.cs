using Gateway.Core.Errors;

namespace Gateway.Storage;

/// <summary>
/// Takes committed transactions to the disk after the database's gate is released (group commit). The connection
/// commits with synchronous=NORMAL, which a crash of the daemon cannot undo; a writer whose commit must also survive a
/// power cut then awaits <see cref="FlushAsync"/>, which completes after an fsync of the WAL that began after the
/// call. One fsync serves every commit made before it began, and nobody holds the gate while the disk works, so a
/// slow fsync no longer delays other readers and writers. The fsyncs run on a thread of their own, not the thread
/// pool's: a pool of two workers on a two-core box would otherwise lose one to the disk for 5–15 ms at a time.
/// </summary>
public sealed class WalFlusher
{
    private static readonly TimeSpan IdleExit = TimeSpan.FromSeconds(30);
    private readonly Action _sync;
    private readonly object _lock = new();
    private readonly AutoResetEvent _signal = new(false);
    private TaskCompletionSource? _waiting;
    private bool _running;

    /// <param name="sync">Makes everything written so far durable; runs on the flusher's thread, one call at a time.</param>
    public WalFlusher(Action sync) => _sync = sync;

    /// <summary>For the database at <paramref name="databasePath"/>: fsyncs its WAL file (the database file when there is none).</summary>
    public static WalFlusher ForDatabase(string databasePath) => new(() => SyncFile(File.Exists(databasePath + "-wal") ? databasePath + "-wal" : databasePath));

    /// <summary>How many fsyncs ran (each covering every commit made before it began).</summary>
    public long Rounds { get; private set; }

    /// <summary>Completes once everything committed before this call is on the disk.</summary>
    public Task FlushAsync()
    {
        Task flushed;
        lock (_lock)
        {
            _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            flushed = _waiting.Task;
            if (!_running)
            {
                _running = true;
                new Thread(Run) { IsBackground = true, Name = "wal-fsync" }.Start();
            }
        }
        _signal.Set();
        return flushed;
    }

    /// <summary>
    /// Each round takes the callers waiting when it starts, so its fsync begins after all their commits. The thread
    /// ends after a while without work; the next caller starts another.
    /// </summary>
    private void Run()
    {
        while (true)
        {
            var signalled = _signal.WaitOne(IdleExit);
            TaskCompletionSource round;
            lock (_lock)
            {
                if (_waiting is null)
                {
                    if (signalled) continue;
                    _running = false;
                    return;
                }
                round = _waiting;
                _waiting = null;
                Rounds++;
            }
            try
            {
                _sync();
                round.SetResult();
            }
            catch (Exception ex)
            {
                round.SetException(new StorageUnavailableException($"fsync failed: {ex.Message}", ex));
            }
        }
    }

    private static void SyncFile(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        using var stream = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
        stream.Flush(flushToDisk: true);
    }
}
