using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Gateway.Storage;

/// <summary>
/// The setup lists (triggers, discrete triggers, condition groups, calendar days and rules) kept one row per item in
/// <c>setup_rows</c>, behind the same settings keys the engine has always used: reading a key gives the JSON array
/// back in its order, writing one writes only the rows whose item changed and deletes the items that went, so a change
/// to one trigger of nine hundred writes that trigger, not the whole list.
/// </summary>
internal static class SetupRows
{
    /// <summary>The settings keys held as rows (the engine's TriggerEngine, ConditionGroupService and CalendarStore keys).</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "automation.triggers", "automation.discreteTriggers", "automation.conditionGroups", "calendar.days", "calendar.rules",
    };

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>The stored array, items in order; null when the kind holds nothing.</summary>
    public static async Task<string?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string kind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT document FROM setup_rows WHERE kind = $kind ORDER BY position";
        command.Parameters.AddWithValue("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        System.Text.StringBuilder? json = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (json is null) json = new System.Text.StringBuilder("[");
            else json.Append(',');
            json.Append(reader.GetString(0));
        }
        return json?.Append(']').ToString();
    }

    /// <summary>Makes the rows of <paramref name="kind"/> hold exactly the items of <paramref name="array"/>, writing only what differs.</summary>
    public static async Task<int> WriteAsync(SqliteConnection connection, SqliteTransaction transaction, string kind, string array, CancellationToken cancellationToken)
    {
        var items = Split(array);
        var stored = new Dictionary<string, (double Position, string Document)>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT key, position, document FROM setup_rows WHERE kind = $kind";
            read.Parameters.AddWithValue("$kind", kind);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) stored[reader.GetString(0)] = (reader.GetDouble(1), reader.GetString(2));
        }

        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO setup_rows (kind, key, position, document) VALUES ($kind, $key, $position, $document)
            ON CONFLICT (kind, key) DO UPDATE SET position = excluded.position, document = excluded.document
            """;
        upsert.Parameters.AddWithValue("$kind", kind);
        var key = upsert.Parameters.Add("$key", SqliteType.Text);
        var position = upsert.Parameters.Add("$position", SqliteType.Real);
        var document = upsert.Parameters.Add("$document", SqliteType.Text);
        var written = 0;
        var previous = double.NegativeInfinity;
        for (var i = 0; i < items.Count; i++)
        {
            var (itemKey, itemDocument) = items[i];
            var kept = stored.Remove(itemKey, out var row) && row.Position > previous;
            var at = kept ? row.Position : Between(previous, NextStoredPosition(items, i + 1, stored, previous));
            if (!kept || row.Document != itemDocument)
            {
                key.Value = itemKey;
                position.Value = at;
                document.Value = itemDocument;
                await upsert.ExecuteNonQueryAsync(cancellationToken);
                written++;
            }
            previous = at;
        }

        if (stored.Count > 0)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM setup_rows WHERE kind = $kind AND key = $key";
            delete.Parameters.AddWithValue("$kind", kind);
            var gone = delete.Parameters.Add("$key", SqliteType.Text);
            foreach (var each in stored.Keys)
            {
                gone.Value = each;
                written += await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        return written;
    }

    /// <summary>
    /// The items of a JSON array as (key, exact text): the key is the item's "oid", or "#index" for an item without
    /// one (or repeating one), so that nothing the array held is lost.
    /// </summary>
    public static List<(string Key, string Document)> Split(string array)
    {
        using var parsed = JsonDocument.Parse(array, Options);
        if (parsed.RootElement.ValueKind != JsonValueKind.Array)
            throw new ArgumentException($"a setup list is a JSON array, not {parsed.RootElement.ValueKind}", nameof(array));
        var items = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in parsed.RootElement.EnumerateArray())
        {
            var oid = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("oid", out var o) && o.ValueKind == JsonValueKind.String
                ? o.GetString()! : null;
            var key = oid is { Length: > 0 } && !oid.StartsWith('#') && seen.Add(oid) ? oid : $"#{index}";
            items.Add((key, element.GetRawText()));
            index++;
        }
        return items;
    }

    /// <summary>Where the next item that keeps its stored place sits, so a new item can go in before it without moving it.</summary>
    private static double NextStoredPosition(List<(string Key, string Document)> items, int from, Dictionary<string, (double Position, string Document)> stored, double previous)
    {
        for (var i = from; i < items.Count; i++)
            if (stored.TryGetValue(items[i].Key, out var row) && row.Position > previous) return row.Position;
        return double.PositiveInfinity;
    }

    private static double Between(double previous, double next)
    {
        if (double.IsNegativeInfinity(previous)) return double.IsPositiveInfinity(next) ? 0 : next - 1;
        if (double.IsPositiveInfinity(next)) return previous + 1;
        var middle = previous + (next - previous) / 2;
        // Out of room between two neighbours: take the next whole place; the items after it then move along.
        return middle > previous && middle < next ? middle : Math.Floor(previous) + 1;
    }
}
