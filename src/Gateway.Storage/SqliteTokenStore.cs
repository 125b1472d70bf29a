using System.Security.Cryptography;
using System.Text;
using Gateway.Core.Persistence;

namespace Gateway.Storage;

/// <summary>
/// API bearer tokens. The secret is 160 random bits shown once; only its SHA-256 is stored (a fast hash is enough
/// for a random secret of that length, and keeps every request cheap).
/// </summary>
public sealed class SqliteTokenStore(SqliteDatabase database) : ITokenStore
{
    public async Task<(ApiTokenInfo Info, string Secret)> CreateAsync(string label, long now, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var info = new ApiTokenInfo(Guid.NewGuid().ToString(), label, now);
        await database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO api_tokens (id, label, secret_hash, creation_time) VALUES ($id, $label, $hash, $created)";
            command.Parameters.AddWithValue("$id", info.Id);
            command.Parameters.AddWithValue("$label", label);
            command.Parameters.AddWithValue("$hash", Hash(secret));
            command.Parameters.AddWithValue("$created", now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return (info, secret);
    }

    public Task<ApiTokenInfo?> FindBySecretAsync(string secret, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, label, creation_time FROM api_tokens WHERE secret_hash = $hash";
            command.Parameters.AddWithValue("$hash", Hash(secret));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new ApiTokenInfo(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<ApiTokenInfo>> ListAsync(CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<ApiTokenInfo>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, label, creation_time FROM api_tokens ORDER BY creation_time";
            var tokens = new List<ApiTokenInfo>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) tokens.Add(new ApiTokenInfo(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            return tokens;
        }, cancellationToken);

    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM api_tokens WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
