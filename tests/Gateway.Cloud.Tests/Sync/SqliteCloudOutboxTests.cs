using System.Text;
using Gateway.Core.Cloud;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Storage;
using Gateway.Storage.Cloud;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Cloud.Tests.Sync;

public sealed class SqliteCloudOutboxTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-outbox-").FullName;
    private readonly List<SqliteDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<SqliteCloudOutbox> OpenAsync(long maxMessages = 1000, long maxBytes = 1 << 20, double maxAgeHours = 24)
    {
        var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, CancellationToken.None);
        _databases.Add(database);
        return await SqliteCloudOutbox.OpenAsync(database, _directory, new OutboxLimits(maxMessages, maxBytes, TimeSpan.FromHours(maxAgeHours)),
            TimeProvider.System, CancellationToken.None);
    }

    private async Task CloseAllAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        _databases.Clear();
    }

    private static OutboxMessage State(string device, string state, int value) =>
        new(OutboxKind.State, $"states/{device}", Encoding.UTF8.GetBytes($"{state}={value}"), $"{device}\n{state}", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static OutboxMessage Of(OutboxKind kind, string text, long? createdAt = null) =>
        new(kind, "events", Encoding.UTF8.GetBytes(text), null, createdAt ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static async Task<List<string>> PayloadsAsync(SqliteCloudOutbox outbox) =>
        (await outbox.ReadAsync(0, 10_000, CancellationToken.None)).Select(m => Encoding.UTF8.GetString(m.Payload)).ToList();

    [Fact]
    public async Task Messages_come_back_in_the_order_stored_and_survive_reopening_until_removed()
    {
        var outbox = await OpenAsync();
        await outbox.AppendAsync([Of(OutboxKind.Event, "a"), Of(OutboxKind.Execution, "b")], CancellationToken.None);
        await outbox.AppendAsync([State("d1", "s", 1)], CancellationToken.None);
        await CloseAllAsync();
        var reopened = await OpenAsync();
        var stored = await reopened.ReadAsync(0, 100, CancellationToken.None);
        Assert.Equal(["a", "b", "s=1"], stored.Select(m => Encoding.UTF8.GetString(m.Payload)));
        Assert.Equal(3, (await reopened.CountersAsync(CancellationToken.None)).Pending);

        await reopened.RemoveAsync([stored[0].Sequence, stored[2].Sequence], CancellationToken.None);

        Assert.Equal(["b"], await PayloadsAsync(reopened));
        Assert.Equal(1, (await reopened.CountersAsync(CancellationToken.None)).Pending);
        Assert.Empty(await reopened.ReadAsync(stored[1].Sequence, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Within_the_bounds_every_state_value_is_kept()
    {
        var outbox = await OpenAsync(maxMessages: 100);
        await outbox.AppendAsync([.. Enumerable.Range(0, 50).Select(i => State("d1", "s", i))], CancellationToken.None);

        Assert.Equal(50, (await PayloadsAsync(outbox)).Count);
        Assert.Equal(0, (await outbox.CountersAsync(CancellationToken.None)).Coalesced);
    }

    [Fact]
    public async Task Past_the_message_bound_superseded_states_are_coalesced_and_executions_kept()
    {
        var outbox = await OpenAsync(maxMessages: 10);
        await outbox.AppendAsync([Of(OutboxKind.Execution, "exec-1")], CancellationToken.None);
        await outbox.AppendAsync([.. Enumerable.Range(0, 8).Select(i => State("d1", "s", i))], CancellationToken.None);
        await outbox.AppendAsync([State("d2", "s", 100), State("d1", "t", 7), Of(OutboxKind.Execution, "exec-2")], CancellationToken.None);

        var payloads = await PayloadsAsync(outbox);
        Assert.Equal(["exec-1", "s=7", "s=100", "t=7", "exec-2"], payloads);
        var counters = await outbox.CountersAsync(CancellationToken.None);
        Assert.Equal(7, counters.Coalesced);
        Assert.Equal(0, counters.Dropped);
        Assert.Equal(5, counters.Pending);
    }

    [Fact]
    public async Task When_coalescing_is_not_enough_the_oldest_events_are_dropped_and_counted_but_never_executions()
    {
        var outbox = await OpenAsync(maxMessages: 5);
        await outbox.AppendAsync([Of(OutboxKind.Execution, "exec-1"), .. Enumerable.Range(0, 6).Select(i => Of(OutboxKind.Event, $"e{i}"))], CancellationToken.None);
        await outbox.AppendAsync([.. Enumerable.Range(0, 6).Select(i => Of(OutboxKind.Execution, $"exec-x{i}"))], CancellationToken.None);

        var payloads = await PayloadsAsync(outbox);
        Assert.DoesNotContain(payloads, p => p.StartsWith('e') && !p.StartsWith("exec"));
        Assert.Equal(["exec-1", .. Enumerable.Range(0, 6).Select(i => $"exec-x{i}")], payloads);
        Assert.Equal(6, (await outbox.CountersAsync(CancellationToken.None)).Dropped);
    }

    [Fact]
    public async Task Events_older_than_the_age_bound_are_dropped_and_counted()
    {
        var outbox = await OpenAsync(maxAgeHours: 1);
        var old = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds();
        await outbox.AppendAsync([Of(OutboxKind.Event, "old", old), Of(OutboxKind.Execution, "old-exec", old), Of(OutboxKind.Event, "new")], CancellationToken.None);

        Assert.Equal(["old-exec", "new"], await PayloadsAsync(outbox));
        Assert.Equal(1, (await outbox.CountersAsync(CancellationToken.None)).Dropped);
    }

    [Fact]
    public async Task A_request_id_is_new_once_then_returns_its_stored_answer()
    {
        var outbox = await OpenAsync();
        Assert.Null(await outbox.BeginRequestAsync("r1", 1, CancellationToken.None));
        var pending = await outbox.BeginRequestAsync("r1", 2, CancellationToken.None);
        Assert.NotNull(pending);
        Assert.Null(pending.Response);

        await outbox.CompleteRequestAsync("r1", new OutboxMessage(OutboxKind.Response, "responses/r1", "answer"u8.ToArray(), null, 3), CancellationToken.None);

        var done = await outbox.BeginRequestAsync("r1", 4, CancellationToken.None);
        Assert.Equal("answer"u8.ToArray(), done!.Response);
        Assert.Equal(["answer"], await PayloadsAsync(outbox));
    }

    [Fact]
    public async Task A_message_staged_before_a_device_is_saved_is_committed_by_the_write_that_stores_the_device()
    {
        var outbox = await OpenAsync();
        var database = _databases[0];
        await using var devices = new SqliteDeviceStore(database, NullLogger<SqliteDeviceStore>.Instance);

        outbox.Stage([State("d1", "s", 1)]);
        devices.Save(Device("sim://1/1"));
        await devices.FlushAsync(CancellationToken.None);

        // Nobody flushed the outbox: the device store's transaction carried the staged message.
        Assert.Equal(0, outbox.StagedCount);
        Assert.Equal(["s=1"], await PayloadsAsync(outbox));
        Assert.Equal(1, await CountAsync(database, "SELECT COUNT(*) FROM devices"));
    }

    [Fact]
    public async Task An_execution_record_is_queued_in_the_transaction_that_writes_it_and_only_when_the_cloud_is_on()
    {
        var request = new ExecutionRequest("scene", [], "owner", "source");
        var off = await SqliteDatabase.OpenAsync(Directory.CreateDirectory(Path.Combine(_directory, "off")).FullName, NullLogger.Instance, CancellationToken.None);
        _databases.Add(off);
        await new SqliteExecutionStore(off).RecordStartedAsync("e-off", request, 1, CancellationToken.None);
        Assert.Equal(0, await CountAsync(off, "SELECT COUNT(*) FROM cloud_outbox"));

        var outbox = await OpenAsync();
        var store = new SqliteExecutionStore(_databases[^1]);
        await store.RecordStartedAsync("e-1", request, 10, CancellationToken.None);
        await store.FailInterruptedAsync(["e-1"], 20, CancellationToken.None);

        var stored = await outbox.ReadAsync(0, 10, CancellationToken.None);
        Assert.All(stored, m => Assert.Equal("executions", m.Topic));
        var records = stored.Select(m => System.Text.Json.JsonDocument.Parse(m.Payload).RootElement).ToList();
        Assert.Equal(["INITIALIZED", "FAILED"], records.Select(r => r.GetProperty("state").GetString()));
        Assert.All(records, r => Assert.Equal("e-1", r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_legacy_outbox_file_is_imported_once_in_order_and_renamed()
    {
        var legacy = Path.Combine(_directory, SqliteCloudOutbox.LegacyFileName);
        await using (var connection = new SqliteConnection($"Data Source={legacy};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind INTEGER NOT NULL, topic TEXT NOT NULL, coalesce_key TEXT,
                                     created_at INTEGER NOT NULL, payload BLOB NOT NULL);
                CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                CREATE TABLE requests (request_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, response BLOB);
                INSERT INTO outbox (kind, topic, created_at, payload) VALUES (0, 'events', $now, CAST('first' AS BLOB)), (2, 'events', $now, CAST('second' AS BLOB));
                INSERT INTO counters VALUES ('dropped', 3);
                INSERT INTO requests VALUES ('r-old', 1, CAST('old answer' AS BLOB));
                """;
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
        }

        var outbox = await OpenAsync();
        await outbox.AppendAsync([Of(OutboxKind.Event, "third")], CancellationToken.None);

        Assert.Equal(["first", "second", "third"], await PayloadsAsync(outbox));
        Assert.Equal(3, (await outbox.CountersAsync(CancellationToken.None)).Dropped);
        Assert.Equal("old answer"u8.ToArray(), (await outbox.BeginRequestAsync("r-old", 5, CancellationToken.None))!.Response);
        Assert.False(File.Exists(legacy));
        Assert.True(File.Exists(legacy + ".imported"));

        await CloseAllAsync();
        var reopened = await OpenAsync();
        Assert.Equal(3, (await reopened.CountersAsync(CancellationToken.None)).Pending);
    }

    [Fact]
    public async Task A_forced_loss_asks_for_a_snapshot_until_one_is_stored_after_what_is_waiting()
    {
        var outbox = await OpenAsync(maxMessages: 3);
        await outbox.AppendAsync([.. Enumerable.Range(0, 3).Select(i => Of(OutboxKind.Event, $"e{i}"))], CancellationToken.None);
        Assert.False(await outbox.SnapshotNeededAsync(CancellationToken.None));

        await outbox.AppendAsync([Of(OutboxKind.Event, "e3")], CancellationToken.None);
        Assert.True(await outbox.SnapshotNeededAsync(CancellationToken.None));

        await outbox.StoreSnapshotAsync([Of(OutboxKind.Event, "snapshot")], CancellationToken.None);
        Assert.False(await outbox.SnapshotNeededAsync(CancellationToken.None));
        Assert.Equal("snapshot", (await PayloadsAsync(outbox))[^1]);
    }

    [Fact]
    public async Task Delivered_messages_are_removed_whether_or_not_their_sequences_are_contiguous()
    {
        var outbox = await OpenAsync();
        await outbox.AppendAsync([.. Enumerable.Range(0, 6).Select(i => Of(OutboxKind.Event, $"e{i}"))], CancellationToken.None);
        var stored = await outbox.ReadAsync(0, 10, CancellationToken.None);

        await outbox.RemoveAsync([stored[0].Sequence, stored[1].Sequence], CancellationToken.None);
        await outbox.RemoveAsync([stored[3].Sequence, stored[5].Sequence], CancellationToken.None);

        Assert.Equal(["e2", "e4"], await PayloadsAsync(outbox));
        var counters = await outbox.CountersAsync(CancellationToken.None);
        Assert.Equal(2, counters.Pending);
        Assert.Equal(4, counters.PendingBytes);
    }

    [Fact]
    public async Task Removing_through_a_sequence_removes_it_and_everything_before_and_keeps_the_counters_right()
    {
        var outbox = await OpenAsync();
        await outbox.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Of(OutboxKind.Event, $"e{i}"))], CancellationToken.None);
        var stored = await outbox.ReadAsync(0, 10, CancellationToken.None);
        await outbox.RemoveAsync([stored[1].Sequence], CancellationToken.None);

        await outbox.RemoveThroughAsync(stored[2].Sequence, CancellationToken.None);
        await outbox.RemoveThroughAsync(stored[2].Sequence, CancellationToken.None);

        Assert.Equal(["e3", "e4"], await PayloadsAsync(outbox));
        var counters = await outbox.CountersAsync(CancellationToken.None);
        Assert.Equal(2, counters.Pending);
        Assert.Equal(4, counters.PendingBytes);
    }

    private static Device Device(string url) => new()
    {
        DeviceUrl = url, Oid = Guid.NewGuid().ToString(), Label = "d", ControllableName = "c", PlaceOid = "p", Type = 1, Available = true,
        CreationTime = 1, LastUpdateTime = 1, Attributes = [], States = [], Definition = new DeviceDefinition([], [], "", "", ""),
    };

    private static Task<long> CountAsync(SqliteDatabase database, string sql) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }, CancellationToken.None);
}
