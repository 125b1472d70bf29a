using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage;

/// <summary>
/// Moves setup lists written by earlier versions (one settings document per kind) into <see cref="SetupRows"/>, item
/// by item with their exact text, and removes the documents; all kinds in one transaction, so a crash leaves either
/// the old layout or the new one. Runs at every start and finds nothing to do once done.
/// </summary>
internal static class SetupRowsMigration
{
    public static async Task<int> ApplyAsync(SqliteConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var moved = 0;
        foreach (var kind in SetupRows.Kinds)
        {
            string? legacy;
            await using (var read = connection.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = "SELECT value FROM settings WHERE key = $key";
                read.Parameters.AddWithValue("$key", kind);
                legacy = (string?)await read.ExecuteScalarAsync(cancellationToken);
            }
            if (legacy is null) continue;
            if (await SetupRows.ReadAsync(connection, transaction, kind, cancellationToken) is not null)
            {
                logger.LogWarning("Setting {Key} exists both as a document and as rows; the rows are kept and the document left in settings", kind);
                continue;
            }
            List<(string Key, string Document)> items;
            try
            {
                items = SetupRows.Split(legacy);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
            {
                logger.LogError("Setting {Key} is not a readable JSON array ({Cause}); it is left in settings, untouched, and the list starts empty", kind, ex.Message);
                continue;
            }
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO setup_rows (kind, key, position, document) VALUES ($kind, $key, $position, $document)";
                insert.Parameters.AddWithValue("$kind", kind);
                var key = insert.Parameters.Add("$key", SqliteType.Text);
                var position = insert.Parameters.Add("$position", SqliteType.Real);
                var document = insert.Parameters.Add("$document", SqliteType.Text);
                for (var i = 0; i < items.Count; i++)
                {
                    (key.Value, position.Value, document.Value) = (items[i].Key, (double)i, items[i].Document);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            await using (var delete = connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM settings WHERE key = $key";
                delete.Parameters.AddWithValue("$key", kind);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            logger.LogInformation("Moved {Count} item(s) of {Key} from one settings document to one row each", items.Count, kind);
            moved += items.Count;
        }
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }
}
