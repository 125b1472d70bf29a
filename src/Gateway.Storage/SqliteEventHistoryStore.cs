using Gateway.Core.Executions;
using Gateway.Core.History;
using Gateway.Core.Json;
using Gateway.Core.Limits;
using Gateway.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage;

/// <summary>
/// The history read by /history/*: finished executions (the executions table) and device events (device_events),
/// newest first, a page at a time, so that years of history answer as fast as a day of it.
/// </summary>
public sealed class SqliteEventHistoryStore(SqliteDatabase database) : IEventHistoryStore
{
    private const string ExecutionColumns = """
        SELECT id, substr(label, 1, $label), substr(owner, 1, $label), substr(source, 1, $label), start_time, end_time, state,
               substr(failure_type, 1, $label),
               CASE WHEN length(actions_json) <= $max THEN actions_json END,
               CASE WHEN length(failed_commands_json) <= $max THEN failed_commands_json END,
               substr(execution_type, 1, $label), substr(execution_sub_type, 1, $label)
        FROM executions
        """;

    private const string DeviceEventColumns = "SELECT event_time, device_url, value, id, sub_type, type FROM device_events";

    /// <summary>Device events are cheap to lose to a power cut and may come in bursts: written without waiting for the disk.</summary>
    public Task AppendDeviceEventsAsync(IReadOnlyList<DeviceEvent> events, CancellationToken cancellationToken) =>
        database.UseWithoutWaitingForDiskAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR IGNORE INTO device_events (id, event_time, device_url, type, sub_type, value)
                VALUES ($id, $time, $url, $type, $subType, $value)
                """;
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var time = command.Parameters.Add("$time", SqliteType.Integer);
            var url = command.Parameters.Add("$url", SqliteType.Text);
            var type = command.Parameters.Add("$type", SqliteType.Text);
            var subType = command.Parameters.Add("$subType", SqliteType.Text);
            var value = command.Parameters.Add("$value", SqliteType.Text);
            foreach (var each in events)
            {
                id.Value = each.Id;
                time.Value = each.EventTime;
                url.Value = each.DeviceUrl;
                type.Value = each.Type;
                subType.Value = each.SubType;
                value.Value = each.Value;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

    public Task<int> PruneDeviceEventsAsync(int keep, long before, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM device_events WHERE event_time < $before OR seq IN (
                    SELECT seq FROM device_events ORDER BY event_time DESC, seq DESC LIMIT -1 OFFSET $keep)
                """;
            command.Parameters.AddWithValue("$keep", Math.Max(0, keep));
            command.Parameters.AddWithValue("$before", before);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<DeviceEvent>> LoadDeviceEventsAsync(HistoryPage page, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<DeviceEvent>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"{DeviceEventColumns} ORDER BY event_time DESC, seq DESC LIMIT $limit OFFSET $offset";
            command.Parameters.AddWithValue("$limit", page.Limit);
            command.Parameters.AddWithValue("$offset", page.Offset);
            return await ReadDeviceEventsAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<DeviceEvent?> FindDeviceEventAsync(string id, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"{DeviceEventColumns} WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            return (await ReadDeviceEventsAsync(command, cancellationToken)).FirstOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyList<HistoryExecution>> LoadExecutionsAsync(HistoryPage page, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<HistoryExecution>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"{ExecutionColumns} WHERE end_time IS NOT NULL ORDER BY start_time DESC, rowid DESC LIMIT $limit OFFSET $offset";
            command.Parameters.AddWithValue("$limit", page.Limit);
            command.Parameters.AddWithValue("$offset", page.Offset);
            return await ReadExecutionsAsync(command, cancellationToken);
        }, cancellationToken);

    public Task<HistoryExecution?> FindExecutionAsync(string id, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"{ExecutionColumns} WHERE id = $id AND end_time IS NOT NULL";
            command.Parameters.AddWithValue("$id", id);
            return (await ReadExecutionsAsync(command, cancellationToken)).FirstOrDefault();
        }, cancellationToken);

    /// <summary>The newest offset+limit of each kind (both read along their time index), merged, then the page cut out.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> LoadMixedAsync(HistoryPage page, CancellationToken cancellationToken)
    {
        var top = new HistoryPage(0, page.Offset + page.Limit);
        var executions = await LoadExecutionsAsync(top, cancellationToken);
        var events = await LoadDeviceEventsAsync(top, cancellationToken);
        var merged = new List<HistoryEntry>(Math.Min(top.Limit, executions.Count + events.Count));
        int e = 0, d = 0;
        while (merged.Count < top.Limit && (e < executions.Count || d < events.Count))
        {
            var takeExecution = d >= events.Count || (e < executions.Count && executions[e].EventTime >= events[d].EventTime);
            merged.Add(takeExecution ? new HistoryEntry(executions[e++], null) : new HistoryEntry(null, events[d++]));
        }
        return merged.Skip(page.Offset).ToList();
    }

    public Task ClearAsync(CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM executions WHERE end_time IS NOT NULL; DELETE FROM device_events;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await database.CommitAsync(connection, transaction, cancellationToken);
        }, cancellationToken);

    private static async Task<IReadOnlyList<DeviceEvent>> ReadDeviceEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var events = new List<DeviceEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new DeviceEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        return events;
    }

    private async Task<IReadOnlyList<HistoryExecution>> ReadExecutionsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        command.Parameters.AddWithValue("$label", ApiLimits.MaxLabelLength);
        command.Parameters.AddWithValue("$max", ApiLimits.MaxStoredDocumentLength);
        var history = new List<HistoryExecution>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var actions = reader.IsDBNull(8) ? null : StoredJson.ReadOne(reader.GetString(8), GatewayJsonContext.Default.IReadOnlyListActionRecord, _ => { });
            var failed = reader.IsDBNull(9) ? null : StoredJson.ReadOne(reader.GetString(9), GatewayJsonContext.Default.IReadOnlyListFailedCommand, _ => { });
            if (actions is null || failed is null)
            {
                database.Logger.LogDebug("Stored execution {ExecId} cannot be read and is left out of the history", reader.GetString(0));
                continue;
            }
            history.Add(StoredExecutionRow.ToHistory(reader, actions, failed));
        }
        return history;
    }
}
