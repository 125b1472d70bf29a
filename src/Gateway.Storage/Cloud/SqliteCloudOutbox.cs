using Gateway.Core.Cloud;
using Microsoft.Data.Sqlite;

namespace Gateway.Storage.Cloud;

/// <summary>
/// The cloud outbox in its own SQLite file beside the gateway's database (WAL, synchronous=FULL), so a backlog of
/// uplink messages never competes with the API and the device registry for the main connection.
/// </summary>
public sealed class SqliteCloudOutbox : ICloudOutbox, IAsyncDisposable
{
    public const string FileName = "cloud-outbox.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind INTEGER NOT NULL,
            topic TEXT NOT NULL,
            coalesce_key TEXT,
            created_at INTEGER NOT NULL,
            payload BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS outbox_by_key ON outbox (coalesce_key) WHERE coalesce_key IS NOT NULL;
        CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS requests (request_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, response BLOB);
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly OutboxLimits _limits;
    private readonly TimeProvider _time;
    private long _count;
    private long _bytes;
    private bool _disposed;

    private SqliteCloudOutbox(SqliteConnection connection, OutboxLimits limits, TimeProvider time)
    {
        _connection = connection;
        _limits = limits;
        _time = time;
    }

    public static async Task<SqliteCloudOutbox> OpenAsync(string dataDirectory, OutboxLimits limits, TimeProvider time, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, FileName),
            Pooling = false,
        }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;" + Schema, cancellationToken);
            var outbox = new SqliteCloudOutbox(connection, limits, time);
            await using var totals = connection.CreateCommand();
            totals.CommandText = "SELECT COUNT(*), COALESCE(SUM(length(payload)), 0) FROM outbox";
            await using var reader = await totals.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            outbox._count = reader.GetInt64(0);
            outbox._bytes = reader.GetInt64(1);
            return outbox;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task AppendAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        UseAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await InsertAsync(transaction, messages, cancellationToken);
            await EnforceLimitsAsync(transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<StoredOutboxMessage>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        UseAsync<IReadOnlyList<StoredOutboxMessage>>(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT seq, topic, payload FROM outbox WHERE seq > $after ORDER BY seq LIMIT $limit";
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var result = new List<StoredOutboxMessage>();
            while (await reader.ReadAsync(cancellationToken))
                result.Add(new StoredOutboxMessage(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            return result;
        }, cancellationToken);

    public Task RemoveAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken) =>
        UseAsync(async () =>
        {
            if (sequences.Count == 0) return 0;
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM outbox WHERE seq = $seq RETURNING length(payload)";
            var seq = command.Parameters.Add("$seq", SqliteType.Integer);
            foreach (var sequence in sequences)
            {
                seq.Value = sequence;
                if (await command.ExecuteScalarAsync(cancellationToken) is long length)
                {
                    _count--;
                    _bytes -= length;
                }
            }
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    public Task<OutboxCounters> CountersAsync(CancellationToken cancellationToken) =>
        UseAsync(async () => new OutboxCounters(_count, _bytes,
            await CounterAsync("coalesced", cancellationToken), await CounterAsync("dropped", cancellationToken)), cancellationToken);

    public Task<CloudRequestRecord?> BeginRequestAsync(string requestId, long now, CancellationToken cancellationToken) =>
        UseAsync(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO requests (request_id, received_at) VALUES ($id, $now) ON CONFLICT (request_id) DO NOTHING;
                SELECT changes(), response FROM requests WHERE request_id = $id;
                """;
            command.Parameters.AddWithValue("$id", requestId);
            command.Parameters.AddWithValue("$now", now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetInt64(0) == 1) return null;
            return new CloudRequestRecord(requestId, reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
        }, cancellationToken);

    public Task CompleteRequestAsync(string requestId, OutboxMessage response, CancellationToken cancellationToken) =>
        UseAsync(async () =>
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await using (var command = _connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "UPDATE requests SET response = $response WHERE request_id = $id";
                command.Parameters.AddWithValue("$id", requestId);
                command.Parameters.AddWithValue("$response", response.Payload);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await InsertAsync(transaction, [response], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }, cancellationToken);

    private async Task InsertAsync(SqliteTransaction transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        await using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO outbox (kind, topic, coalesce_key, created_at, payload) VALUES ($kind, $topic, $key, $at, $payload)";
        var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
        var topic = insert.Parameters.Add("$topic", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        foreach (var message in messages)
        {
            kind.Value = (int)message.Kind;
            topic.Value = message.Topic;
            key.Value = (object?)message.CoalesceKey ?? DBNull.Value;
            at.Value = message.CreatedAt;
            payload.Value = message.Payload;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            _count++;
            _bytes += message.Payload.Length;
        }
    }

    /// <summary>
    /// Within the bounds nothing is touched, so an outage shorter than the bounds delivers every message. Past them:
    /// superseded state values go first, then the oldest events and states; executions and answers always stay.
    /// </summary>
    private async Task EnforceLimitsAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var cutoff = _time.GetUtcNow().Add(-_limits.MaxAge).ToUnixTimeMilliseconds();
        if (!OverBounds() && await ScalarAsync(transaction,
                "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE kind IN (0, 1) AND created_at < $cutoff LIMIT 1)", cancellationToken, ("$cutoff", cutoff)) == 0)
            return;

        var coalesced = await DeleteAsync(transaction, """
            DELETE FROM outbox WHERE kind = 1 AND coalesce_key IS NOT NULL
              AND seq NOT IN (SELECT MAX(seq) FROM outbox WHERE kind = 1 AND coalesce_key IS NOT NULL GROUP BY coalesce_key)
            RETURNING length(payload)
            """, cancellationToken);
        var dropped = await DeleteAsync(transaction, "DELETE FROM outbox WHERE kind IN (0, 1) AND created_at < $cutoff RETURNING length(payload)",
            cancellationToken, ("$cutoff", cutoff));
        while (OverBounds())
        {
            var excess = Math.Max(1, Math.Max(_count - _limits.MaxMessages, _count / 100));
            var removed = await DeleteAsync(transaction, """
                DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE kind IN (0, 1) ORDER BY seq LIMIT $excess)
                RETURNING length(payload)
                """, cancellationToken, ("$excess", excess));
            if (removed == 0) break; // only executions and answers left: they are kept beyond the bounds
            dropped += removed;
        }
        await AddCounterAsync(transaction, "coalesced", coalesced, cancellationToken);
        await AddCounterAsync(transaction, "dropped", dropped, cancellationToken);
    }

    private bool OverBounds() => _count > _limits.MaxMessages || _bytes > _limits.MaxBytes;

    private async Task<long> DeleteAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, parameter) in parameters) command.Parameters.AddWithValue(name, parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            _count--;
            _bytes -= reader.GetInt64(0);
        }
        return rows;
    }

    private async Task<long> ScalarAsync(SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, parameter) in parameters) command.Parameters.AddWithValue(name, parameter);
        return await command.ExecuteScalarAsync(cancellationToken) is long result ? result : 0;
    }

    private Task<long> CounterAsync(string name, CancellationToken cancellationToken) =>
        ScalarAsync(null, "SELECT value FROM counters WHERE name = $name", cancellationToken, ("$name", name));

    private async Task AddCounterAsync(SqliteTransaction transaction, string name, long delta, CancellationToken cancellationToken)
    {
        if (delta == 0) return;
        await ExecuteAsync(_connection, transaction,
            $"INSERT INTO counters (name, value) VALUES ('{name}', {delta}) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
            cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> UseAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        if (_disposed)
        {
            _gate.Release();
            return;
        }
        _disposed = true;
        try
        {
            await ExecuteAsync(_connection, null, "PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None);
        }
        catch (SqliteException)
        {
        }
        await _connection.DisposeAsync();
        _gate.Release();
    }
}
