using System.Collections.Concurrent;
using Gateway.Core.Cloud;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage.Cloud;

/// <summary>
/// The cloud outbox, in the gateway's own database so that a change and the uplink message reporting it commit in
/// one transaction. Messages are staged in memory in the order the changes happened; every write transaction of a
/// store (see <see cref="SqliteDatabase.CommitAsync"/>) and the outbox's own flush carry what is staged, in order.
/// </summary>
public sealed class SqliteCloudOutbox : ICloudOutbox
{
    /// <summary>The separate file earlier versions kept the outbox in; imported once, then renamed.</summary>
    public const string LegacyFileName = "cloud-outbox.db";

    private const int MaxStagedPerTransaction = 5000;
    private const string SnapshotNeeded = "snapshot_needed";
    private static readonly TimeSpan AgeCheckInterval = TimeSpan.FromMinutes(1);

    private readonly SqliteDatabase _database;
    private readonly OutboxLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<OutboxMessage> _staged = new();
    private long _count;
    private long _bytes;
    private bool _recount;
    private DateTimeOffset _nextAgeCheck;

    private SqliteCloudOutbox(SqliteDatabase database, OutboxLimits limits, TimeProvider time, ILogger logger)
    {
        _database = database;
        _limits = limits;
        _time = time;
        _logger = logger;
    }

    /// <summary>Called after each commit that stored messages (on the committing thread), with them: wakes the publisher.</summary>
    public Action<IReadOnlyList<CommittedMessage>>? Written { get; set; }

    /// <summary>Opens the outbox of <paramref name="database"/> and attaches it, so every store transaction carries staged messages.</summary>
    public static async Task<SqliteCloudOutbox> OpenAsync(SqliteDatabase database, string dataDirectory, OutboxLimits limits, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var outbox = new SqliteCloudOutbox(database, limits, time, database.Logger);
        await database.UseAsync(async connection =>
        {
            await LegacyOutboxImport.RunAsync(connection, dataDirectory, database.Logger, cancellationToken);
            await outbox.RecountAsync(connection, null, cancellationToken);
        }, cancellationToken);
        database.CloudOutbox = outbox;
        return outbox;
    }

    public void Stage(IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var message in messages) _staged.Enqueue(message);
    }

    public int StagedCount => _staged.Count;

    /// <summary>Stores everything staged, in transactions of at most 5,000 messages (the gate is released between them).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        do
        {
            await FlushOnceAsync(cancellationToken);
        } while (!_staged.IsEmpty);
    }

    /// <summary>
    /// The outbox's own flush does not wait for the disk: it survives a crash or kill of the daemon, and the next
    /// durable commit of the database (any store's) carries it to the disk. A power cut in between can lose the last
    /// uplink messages together with the changes they report, never one without the other that was already durable.
    /// </summary>
    private Task FlushOnceAsync(CancellationToken cancellationToken) =>
        _database.UseWithoutWaitingForDiskAsync(async connection =>
        {
            var ageCheck = _time.GetUtcNow() >= _nextAgeCheck;
            if (_staged.IsEmpty && !ageCheck && !_recount) return;
            if (_recount) await RecountAsync(connection, null, cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            StagedWrite written = default;
            try
            {
                written = await WriteStagedAsync(connection, transaction, null, cancellationToken);
                if (ageCheck || OverBounds()) await EnforceLimitsAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                RolledBack(written);
                _recount = true;
                throw;
            }
            if (ageCheck) _nextAgeCheck = _time.GetUtcNow() + AgeCheckInterval;
            Committed(written);
        }, cancellationToken);

    public async Task AppendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        Stage(messages);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Inside a store's transaction: inserts the staged messages (oldest first), then <paramref name="uplink"/>.</summary>
    internal async Task<StagedWrite> WriteStagedAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxMessage>? uplink,
        CancellationToken cancellationToken)
    {
        // Only this method and Committed take from the queue, both under the database's gate: what is read here is
        // exactly what Committed dequeues after the commit. A rolled-back transaction leaves the queue as it was.
        var staged = _staged.IsEmpty ? [] : _staged.Take(MaxStagedPerTransaction).ToArray();
        if (staged.Length == 0 && (uplink is null || uplink.Count == 0)) return default;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO cloud_outbox (kind, topic, coalesce_key, created_at, payload) VALUES ($kind, $topic, $key, $at, $payload) RETURNING seq";
        var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
        var topic = insert.Parameters.Add("$topic", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        long bytes = 0;
        var stored = new List<CommittedMessage>(staged.Length + (uplink?.Count ?? 0));
        foreach (var message in uplink is null ? staged : staged.Concat(uplink))
        {
            kind.Value = (int)message.Kind;
            topic.Value = message.Topic;
            key.Value = (object?)message.CoalesceKey ?? DBNull.Value;
            at.Value = message.CreatedAt;
            payload.Value = message.Payload;
            var sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            stored.Add(new CommittedMessage(sequence, message.StagedAt));
            bytes += message.Payload.Length;
        }
        Interlocked.Add(ref _count, stored.Count);
        Interlocked.Add(ref _bytes, bytes);
        return new StagedWrite(staged.Length, stored, bytes);
    }

    /// <summary>After the commit of a transaction that carried <paramref name="written"/>.</summary>
    internal void Committed(StagedWrite written)
    {
        for (var i = 0; i < written.Staged; i++) _staged.TryDequeue(out _);
        if (written.Rows > 0) Written?.Invoke(written.Messages);
    }

    /// <summary>The transaction that carried <paramref name="written"/> did not commit.</summary>
    internal void RolledBack(StagedWrite written)
    {
        Interlocked.Add(ref _count, -written.Rows);
        Interlocked.Add(ref _bytes, -written.Bytes);
    }

    public Task<IReadOnlyList<StoredOutboxMessage>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        _database.UseAsync<IReadOnlyList<StoredOutboxMessage>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, topic, payload FROM cloud_outbox WHERE seq > $after ORDER BY seq LIMIT $limit";
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var result = new List<StoredOutboxMessage>(Math.Min(limit, 4096));
            while (await reader.ReadAsync(cancellationToken))
                result.Add(new StoredOutboxMessage(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            return result;
        }, cancellationToken);

    /// <summary>
    /// Deletes delivered messages in one statement. The commit does not wait for the disk: a delete lost to a power
    /// cut only means the message is sent once more, and the next durable commit of the database carries it anyway.
    /// </summary>
    public Task RemoveAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken) =>
        _database.UseWithoutWaitingForDiskAsync(async connection =>
        {
            if (sequences.Count == 0) return;
            var (first, last) = (sequences.Min(), sequences.Max());
            var contiguous = last - first + 1 == sequences.Count;
            {
                await using var command = connection.CreateCommand();
                command.CommandText = contiguous
                    ? "DELETE FROM cloud_outbox WHERE seq BETWEEN $first AND $last RETURNING length(payload)"
                    : "DELETE FROM cloud_outbox WHERE seq IN (SELECT value FROM json_each($list)) RETURNING length(payload)";
                if (contiguous)
                {
                    command.Parameters.AddWithValue("$first", first);
                    command.Parameters.AddWithValue("$last", last);
                }
                else
                {
                    command.Parameters.AddWithValue("$list", "[" + string.Join(',', sequences) + "]");
                }
                long rows = 0, bytes = 0;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows++;
                        bytes += reader.GetInt64(0);
                    }
                }
                Interlocked.Add(ref _count, -rows);
                Interlocked.Add(ref _bytes, -bytes);
            }
        }, cancellationToken);

    /// <summary>
    /// One range delete for a batch of PUBACKs; counted first by an aggregate, not row by row. Like
    /// <see cref="RemoveAsync"/>, it does not wait for the disk.
    /// </summary>
    public Task RemoveThroughAsync(long lastSequence, CancellationToken cancellationToken) =>
        _database.UseWithoutWaitingForDiskAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            long rows, bytes;
            await using (var count = connection.CreateCommand())
            {
                count.Transaction = transaction;
                count.CommandText = "SELECT COUNT(*), COALESCE(SUM(length(payload)), 0) FROM cloud_outbox WHERE seq <= $last";
                count.Parameters.AddWithValue("$last", lastSequence);
                await using var reader = await count.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (rows, bytes) = (reader.GetInt64(0), reader.GetInt64(1));
            }
            if (rows == 0) return;
            await using (var delete = connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM cloud_outbox WHERE seq <= $last";
                delete.Parameters.AddWithValue("$last", lastSequence);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            Interlocked.Add(ref _count, -rows);
            Interlocked.Add(ref _bytes, -bytes);
        }, cancellationToken);

    public Task<OutboxCounters> CountersAsync(CancellationToken cancellationToken) =>
        _database.UseAsync(async connection => new OutboxCounters(Interlocked.Read(ref _count), Interlocked.Read(ref _bytes),
            await CounterAsync(connection, "coalesced", cancellationToken), await CounterAsync(connection, "dropped", cancellationToken)), cancellationToken);

    public Task<bool> SnapshotNeededAsync(CancellationToken cancellationToken) =>
        _database.UseAsync(async connection => await CounterAsync(connection, SnapshotNeeded, cancellationToken) > 0, cancellationToken);

    /// <summary>Stages <paramref name="snapshot"/> and stores it with the "snapshot needed" mark cleared, in one transaction.</summary>
    public Task StoreSnapshotAsync(IReadOnlyList<OutboxMessage> snapshot, CancellationToken cancellationToken) =>
        _database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, $"DELETE FROM cloud_counters WHERE name = '{SnapshotNeeded}'", cancellationToken);
            await _database.CommitAsync(connection, transaction, cancellationToken, snapshot);
        }, cancellationToken);

    public Task<CloudRequestRecord?> BeginRequestAsync(string requestId, long now, CancellationToken cancellationToken) =>
        _database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO cloud_requests (request_id, received_at) VALUES ($id, $now) ON CONFLICT (request_id) DO NOTHING;
                SELECT changes(), response FROM cloud_requests WHERE request_id = $id;
                """;
            command.Parameters.AddWithValue("$id", requestId);
            command.Parameters.AddWithValue("$now", now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetInt64(0) == 1) return null;
            return new CloudRequestRecord(requestId, reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
        }, cancellationToken);

    public Task CompleteRequestAsync(string requestId, OutboxMessage response, CancellationToken cancellationToken) =>
        _database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "UPDATE cloud_requests SET response = $response WHERE request_id = $id";
                command.Parameters.AddWithValue("$id", requestId);
                command.Parameters.AddWithValue("$response", response.Payload);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await _database.CommitAsync(connection, transaction, cancellationToken, [response]);
        }, cancellationToken);

    /// <summary>
    /// Within the bounds nothing is touched, so an outage shorter than the bounds delivers every message. Past them:
    /// superseded state values go first, then the oldest events and states; executions and answers always stay. Any
    /// loss marks the next connection to start with a snapshot.
    /// </summary>
    private async Task EnforceLimitsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var cutoff = _time.GetUtcNow().Add(-_limits.MaxAge).ToUnixTimeMilliseconds();
        long coalesced = 0;
        if (OverBounds())
        {
            coalesced = await DeleteAsync(connection, transaction, """
                DELETE FROM cloud_outbox WHERE kind = 1 AND coalesce_key IS NOT NULL
                  AND seq NOT IN (SELECT MAX(seq) FROM cloud_outbox WHERE kind = 1 AND coalesce_key IS NOT NULL GROUP BY coalesce_key)
                RETURNING length(payload)
                """, cancellationToken);
        }
        var dropped = await DeleteAsync(connection, transaction, "DELETE FROM cloud_outbox WHERE kind IN (0, 1) AND created_at < $cutoff RETURNING length(payload)",
            cancellationToken, ("$cutoff", cutoff));
        while (OverBounds())
        {
            var excess = Math.Max(1, Math.Max(Interlocked.Read(ref _count) - _limits.MaxMessages, Interlocked.Read(ref _count) / 100));
            var removed = await DeleteAsync(connection, transaction, """
                DELETE FROM cloud_outbox WHERE seq IN (SELECT seq FROM cloud_outbox WHERE kind IN (0, 1) ORDER BY seq LIMIT $excess)
                RETURNING length(payload)
                """, cancellationToken, ("$excess", excess));
            if (removed == 0) break; // only executions and answers left: they are kept beyond the bounds
            dropped += removed;
        }
        await AddCounterAsync(connection, transaction, "coalesced", coalesced, cancellationToken);
        await AddCounterAsync(connection, transaction, "dropped", dropped, cancellationToken);
        if (dropped > 0)
        {
            await AddCounterAsync(connection, transaction, SnapshotNeeded, 1, cancellationToken);
            _logger.LogWarning("Cloud outbox past its bounds: {Dropped} uplink messages given up ({Coalesced} superseded state values coalesced); the next connection starts with a snapshot",
                dropped, coalesced);
        }
        else if (coalesced > 0)
        {
            _logger.LogInformation("Cloud outbox past its bounds: {Coalesced} superseded state values coalesced", coalesced);
        }
    }

    private bool OverBounds() => Interlocked.Read(ref _count) > _limits.MaxMessages || Interlocked.Read(ref _bytes) > _limits.MaxBytes;

    private async Task RecountAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var totals = connection.CreateCommand();
        totals.Transaction = transaction;
        totals.CommandText = "SELECT COUNT(*), COALESCE(SUM(length(payload)), 0) FROM cloud_outbox";
        await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        Interlocked.Exchange(ref _count, reader.GetInt64(0));
        Interlocked.Exchange(ref _bytes, reader.GetInt64(1));
        _recount = false;
    }

    private async Task<long> DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, parameter) in parameters) command.Parameters.AddWithValue(name, parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            Interlocked.Decrement(ref _count);
            Interlocked.Add(ref _bytes, -reader.GetInt64(0));
        }
        return rows;
    }

    private static async Task<long> CounterAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM cloud_counters WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is long result ? result : 0;
    }

    private static async Task AddCounterAsync(SqliteConnection connection, SqliteTransaction transaction, string name, long delta, CancellationToken cancellationToken)
    {
        if (delta == 0) return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO cloud_counters (name, value) VALUES ($name, $delta) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$delta", delta);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
