using Gateway.Core.Cloud;
using Gateway.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace Gateway.Storage;

public sealed class SqliteSettingsStore(SqliteDatabase database) : ISettingsStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            if (SetupRows.Kinds.Contains(key)) return await SetupRows.ReadAsync(connection, null, key, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM settings WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            return (string?)await command.ExecuteScalarAsync(cancellationToken);
        }, cancellationToken);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) => SetAsync(key, value, null, cancellationToken);

    public Task SetAsync(string key, string value, IReadOnlyList<OutboxMessage>? uplink, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            if (SetupRows.Kinds.Contains(key)) await SetupRows.WriteAsync(connection, transaction, key, value, cancellationToken);
            else await WriteSettingAsync(connection, transaction, key, value, cancellationToken);
            await database.CommitAsync(connection, transaction, cancellationToken, uplink);
        }, cancellationToken);

    private static async Task WriteSettingAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
