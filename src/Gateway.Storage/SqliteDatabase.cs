using Gateway.Core.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage;

/// <summary>
/// The gateway's SQLite file (WAL) behind one connection used by one caller at a time. Commits survive a crash of the
/// daemon at once (synchronous=NORMAL); <see cref="UseAsync{T}"/> also waits, after giving the connection back, until
/// what it wrote is on the disk (see <see cref="WalFlusher"/>), so every acknowledged write survives a power cut.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    public const string FileName = "gateway.db";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;

    private SqliteDatabase(SqliteConnection connection, WalFlusher flusher, ILogger logger)
    {
        _connection = connection;
        Flusher = flusher;
        Logger = logger;
    }

    /// <summary>Takes commits to the disk outside the gate; its round count shows how many fsyncs ran.</summary>
    public WalFlusher Flusher { get; }

    /// <summary>The cloud outbox when cloud sync is on: every write transaction of a store carries its staged uplink messages.</summary>
    public Cloud.SqliteCloudOutbox? CloudOutbox { get; internal set; }

    /// <summary>
    /// Commits a store's transaction together with the uplink messages staged so far and <paramref name="uplink"/>
    /// (messages reporting exactly this change), so the outbox never lags behind what the database holds.
    /// </summary>
    public async Task CommitAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken,
        IReadOnlyList<Gateway.Core.Cloud.OutboxMessage>? uplink = null)
    {
        if (CloudOutbox is not { } outbox)
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }
        var written = await outbox.WriteStagedAsync(connection, transaction, uplink, cancellationToken);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            outbox.RolledBack(written);
            throw;
        }
        outbox.Committed(written);
    }

    /// <summary>Where the stores report rows they skip at start-up.</summary>
    public ILogger Logger { get; }

    /// <summary>The schema this build creates and reads; a database with a higher one is refused.</summary>
    public static int SchemaVersion => Migrations.Steps.Length;

    /// <summary>
    /// A consistent copy of the live database in one file (no WAL beside it), taken while the daemon keeps running:
    /// SQLite's <c>VACUUM INTO</c> reads one snapshot and writes a compact new file.
    /// </summary>
    public Task SnapshotToAsync(string path, CancellationToken cancellationToken) =>
        UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", path);
            await command.ExecuteNonQueryAsync(cancellationToken);
            // Written with the connection's synchronous=NORMAL: a backup must be on the disk before it is handed out.
            await WalFlusher.ForDatabase(path).FlushAsync();
        }, cancellationToken);

    public static async Task<SqliteDatabase> OpenAsync(string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            return await OpenFileAsync(path, logger, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            var aside = $"{path}.corrupt-{DateTime.UtcNow:yyyyMMddHHmmss}";
            logger.LogCritical(ex, "Database {Path} is corrupt; moved aside to {Aside} and starting with an empty one", path, aside);
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
            return await OpenFileAsync(path, logger, cancellationToken);
        }
    }

    private static async Task<SqliteDatabase> OpenFileAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA quick_check;";
                await using var reader = await pragma.ExecuteReaderAsync(cancellationToken);
                do
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var value = reader.GetValue(0)?.ToString();
                        if (reader.GetName(0) == "quick_check" && value != "ok") throw new SqliteException($"quick_check: {value}", 11);
                    }
                } while (await reader.NextResultAsync(cancellationToken));
            }
            await Migrations.ApplyAsync(connection, cancellationToken);
            await SetupRowsMigration.ApplyAsync(connection, logger, cancellationToken);
            var flusher = WalFlusher.ForDatabase(path);
            await flusher.FlushAsync();
            return new SqliteDatabase(connection, flusher, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> with exclusive use of the connection; when it changed rows, returns only once they
    /// are on the disk. A full disk or an I/O error comes out as <see cref="StorageUnavailableException"/>, whatever the
    /// caller was doing.
    /// </summary>
    public Task<T> UseAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, waitForDisk: true, cancellationToken);

    public Task UseAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async c => { await work(c); return 0; }, waitForDisk: true, cancellationToken);

    /// <summary>
    /// Like <see cref="UseAsync{T}"/>, but does not wait for the disk: the commits of <paramref name="work"/> survive a
    /// crash of the daemon, and the next durable commit (any store's) takes them to the disk. For writes that are cheap
    /// to lose to a power cut and frequent enough that waiting for an fsync each would dominate.
    /// </summary>
    public Task UseWithoutWaitingForDiskAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async c => { await work(c); return 0; }, waitForDisk: false, cancellationToken);

    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, bool waitForDisk, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        T result;
        bool wrote;
        try
        {
            var changesBefore = SQLitePCL.raw.sqlite3_total_changes(_connection.Handle);
            result = await work(_connection);
            // Row changes, counted by SQLite for this connection: a read-only use has nothing to wait for.
            wrote = SQLitePCL.raw.sqlite3_total_changes(_connection.Handle) != changesBefore;
        }
        catch (SqliteException ex) when (IsStorageFailure(ex))
        {
            throw new StorageUnavailableException($"SQLite error {ex.SqliteErrorCode}: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
        if (waitForDisk && wrote) await Flusher.FlushAsync();
        return result;
    }

    /// <summary>SQLITE_IOERR (10, with its extended codes) and SQLITE_FULL (13): the medium, not the request.</summary>
    public static bool IsStorageFailure(SqliteException ex) =>
        (ex.SqliteErrorCode & 0xFF) is IoError or DiskFull || (ex.SqliteExtendedErrorCode & 0xFF) is IoError or DiskFull;

    private const int IoError = 10;
    private const int DiskFull = 13;

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await using var checkpoint = _connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
        }
        await _connection.DisposeAsync();
        _gate.Release();
    }
}
