using Gateway.Core.Errors;
using Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

/// <summary>The group commit behind durable writes: one fsync per round, each begun after the commits it answers.</summary>
public sealed class WalFlusherTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-flush-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Callers_arriving_during_an_fsync_wait_for_the_next_one_and_share_it()
    {
        var syncing = new SemaphoreSlim(0);
        var release = new SemaphoreSlim(0);
        var syncs = 0;
        var flusher = new WalFlusher(() =>
        {
            Interlocked.Increment(ref syncs);
            syncing.Release();
            release.Wait();
        });

        var first = flusher.FlushAsync();
        Assert.True(await syncing.WaitAsync(TimeSpan.FromSeconds(5)));
        // These commits came after the first fsync began: it cannot answer for them.
        var second = flusher.FlushAsync();
        var third = flusher.FlushAsync();
        release.Release();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        Assert.True(await syncing.WaitAsync(TimeSpan.FromSeconds(5)));
        release.Release();
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(2, syncs);
        Assert.Equal(2, flusher.Rounds);
    }

    [Fact]
    public async Task A_failing_fsync_fails_its_callers_as_storage_unavailable_and_the_next_round_runs_again()
    {
        var fail = true;
        var flusher = new WalFlusher(() =>
        {
            if (fail) throw new IOException("EIO");
        });

        await Assert.ThrowsAsync<StorageUnavailableException>(() => flusher.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5)));
        fail = false;
        await flusher.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_write_waits_for_an_fsync_and_a_read_or_a_write_without_waiting_does_not()
    {
        await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        await database.UseAsync(c => Execute(c, "CREATE TABLE t (x INTEGER)"), default);
        var rounds = database.Flusher.Rounds;

        await database.UseAsync(c => Execute(c, "SELECT COUNT(*) FROM t"), default);
        await database.UseWithoutWaitingForDiskAsync(c => Execute(c, "INSERT INTO t VALUES (1)"), default);
        Assert.Equal(rounds, database.Flusher.Rounds);

        await database.UseAsync(c => Execute(c, "INSERT INTO t VALUES (2)"), default);
        Assert.Equal(rounds + 1, database.Flusher.Rounds);
    }

    private static async Task Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
