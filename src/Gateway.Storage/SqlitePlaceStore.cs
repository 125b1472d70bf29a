using Gateway.Core.Model;
using Gateway.Core.Persistence;

namespace Gateway.Storage;

/// <summary>The places of the home, one row each; the tree is rebuilt from the parent links at start-up.</summary>
public sealed class SqlitePlaceStore(SqliteDatabase database) : IPlaceStore
{
    public Task<IReadOnlyList<PlaceRecord>> LoadAllAsync(CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<PlaceRecord>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT oid, parent_oid, label, type, metadata, creation_time, last_update_time FROM places ORDER BY creation_time, oid";
            var places = new List<PlaceRecord>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var created = reader.GetInt64(5);
                var updated = reader.GetInt64(6);
                places.Add(new PlaceRecord(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                    reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), created, updated == 0 ? created : updated));
            }
            return places;
        }, cancellationToken);

    public Task SaveAsync(PlaceRecord place, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO places (oid, label, parent_oid, creation_time, type, metadata, last_update_time)
                VALUES ($oid, $label, $parent, $created, $type, $metadata, $updated)
                ON CONFLICT (oid) DO UPDATE SET label = excluded.label, parent_oid = excluded.parent_oid, type = excluded.type,
                    metadata = excluded.metadata, last_update_time = excluded.last_update_time
                """;
            command.Parameters.AddWithValue("$oid", place.Oid);
            command.Parameters.AddWithValue("$label", place.Label);
            command.Parameters.AddWithValue("$parent", (object?)place.ParentOid ?? DBNull.Value);
            command.Parameters.AddWithValue("$created", place.CreationTime);
            command.Parameters.AddWithValue("$type", place.Type);
            command.Parameters.AddWithValue("$metadata", (object?)place.Metadata ?? DBNull.Value);
            command.Parameters.AddWithValue("$updated", place.LastUpdateTime);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task DeleteAsync(string oid, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM places WHERE oid = $oid";
            command.Parameters.AddWithValue("$oid", oid);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
