using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage.Cloud;

/// <summary>
/// Moves what an earlier version left in the separate cloud-outbox.db into the gateway's database, once: the rows
/// keep their order and the file is renamed afterwards. A mark in the same transaction makes a crash before the
/// rename harmless (the next start only renames).
/// </summary>
internal static class LegacyOutboxImport
{
    private const string Mark = "legacy_outbox_imported";

    public static async Task RunAsync(SqliteConnection connection, string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, SqliteCloudOutbox.LegacyFileName);
        if (!File.Exists(path)) return;
        if (!await ImportedAsync(connection, cancellationToken))
        {
            await ExecuteAsync(connection, null, "ATTACH DATABASE $path AS legacy", cancellationToken, ("$path", path));
            try
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                var tables = await TablesAsync(connection, transaction, cancellationToken);
                var rows = 0;
                if (tables.Contains("outbox"))
                    rows = await ExecuteAsync(connection, transaction, """
                        INSERT INTO cloud_outbox (kind, topic, coalesce_key, created_at, payload)
                        SELECT kind, topic, coalesce_key, created_at, payload FROM legacy.outbox ORDER BY seq
                        """, cancellationToken);
                if (tables.Contains("requests"))
                    await ExecuteAsync(connection, transaction, """
                        INSERT INTO cloud_requests (request_id, received_at, response)
                        SELECT request_id, received_at, response FROM legacy.requests WHERE true ON CONFLICT (request_id) DO NOTHING
                        """, cancellationToken);
                if (tables.Contains("counters"))
                    await ExecuteAsync(connection, transaction, """
                        INSERT INTO cloud_counters (name, value) SELECT name, value FROM legacy.counters WHERE true
                        ON CONFLICT (name) DO UPDATE SET value = value + excluded.value
                        """, cancellationToken);
                await ExecuteAsync(connection, transaction, $"INSERT INTO cloud_counters (name, value) VALUES ('{Mark}', 1)", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Cloud outbox: {Rows} buffered messages imported from {File}", rows, path);
            }
            finally
            {
                await ExecuteAsync(connection, null, "DETACH DATABASE legacy", CancellationToken.None);
            }
        }
        var aside = $"{path}.imported";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix, overwrite: true);
    }

    private static async Task<bool> ImportedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM cloud_counters WHERE name = '{Mark}'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static async Task<HashSet<string>> TablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM legacy.sqlite_master WHERE type = 'table'";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
