using Gateway.Core.Persistence;

namespace Gateway.Storage;

public sealed class SqliteRadioSettingsStore(SqliteDatabase database) : IRadioSettingsStore
{
    public Task<string?> GetAsync(string protocol, string key, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM radio_settings WHERE protocol = $protocol AND key = $key";
            command.Parameters.AddWithValue("$protocol", protocol);
            command.Parameters.AddWithValue("$key", key);
            return (string?)await command.ExecuteScalarAsync(cancellationToken);
        }, cancellationToken);

    public Task SetAsync(string protocol, string key, string value, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO radio_settings (protocol, key, value) VALUES ($protocol, $key, $value)
                ON CONFLICT (protocol, key) DO UPDATE SET value = excluded.value
                """;
            command.Parameters.AddWithValue("$protocol", protocol);
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$value", value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task DeleteAsync(string protocol, string key, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM radio_settings WHERE protocol = $protocol AND key = $key";
            command.Parameters.AddWithValue("$protocol", protocol);
            command.Parameters.AddWithValue("$key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListAsync(string protocol, string keyPrefix, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyDictionary<string, string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            // substr instead of LIKE: keys may hold % and _.
            command.CommandText = "SELECT key, value FROM radio_settings WHERE protocol = $protocol AND substr(key, 1, length($prefix)) = $prefix ORDER BY key";
            command.Parameters.AddWithValue("$protocol", protocol);
            command.Parameters.AddWithValue("$prefix", keyPrefix);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) values[reader.GetString(0)] = reader.GetString(1);
            return values;
        }, cancellationToken);
}
