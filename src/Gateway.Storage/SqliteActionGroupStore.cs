using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.ActionGroups;
using Gateway.Core.Cloud;
using Gateway.Core.Json;
using Gateway.Core.Limits;
using Gateway.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Storage;

/// <summary>Action groups and scheduled executions, each kept as its JSON document.</summary>
public sealed class SqliteActionGroupStore(SqliteDatabase database) : IActionGroupStore
{
    public Task<IReadOnlyList<ActionGroup>> LoadAllAsync(CancellationToken cancellationToken) =>
        LoadAsync("action group", "SELECT oid, CASE WHEN length(document) <= $max THEN document END, length(document) FROM action_groups",
            GatewayJsonContext.Default.ActionGroup, g => g is { Oid: not null, Label: not null, Actions: not null }, cancellationToken);

    public Task SaveAsync(ActionGroup group, CancellationToken cancellationToken) => SaveAsync(group, null, cancellationToken);

    public Task SaveAsync(ActionGroup group, IReadOnlyList<OutboxMessage>? uplink, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO action_groups (oid, document) VALUES ($key, $document) ON CONFLICT (oid) DO UPDATE SET document = excluded.document",
            c =>
            {
                c.Parameters.AddWithValue("$key", group.Oid);
                c.Parameters.AddWithValue("$document", JsonSerializer.Serialize(group, GatewayJsonContext.Default.ActionGroup));
            }, cancellationToken, uplink);

    public Task<bool> DeleteAsync(string oid, CancellationToken cancellationToken) => DeleteAsync(oid, null, cancellationToken);

    public async Task<bool> DeleteAsync(string oid, IReadOnlyList<OutboxMessage>? uplink, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM action_groups WHERE oid = $key", c => c.Parameters.AddWithValue("$key", oid), cancellationToken, uplink) > 0;

    public Task<IReadOnlyList<ScheduledExecution>> LoadSchedulesAsync(CancellationToken cancellationToken) =>
        LoadAsync("scheduled execution", "SELECT trigger_id, CASE WHEN length(document) <= $max THEN document END, length(document) FROM scheduled_executions ORDER BY utc_time",
            GatewayJsonContext.Default.ScheduledExecution, s => s is { TriggerId: not null, ActionGroupOid: not null, Label: not null }, cancellationToken);

    public Task SaveScheduleAsync(ScheduledExecution schedule, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO scheduled_executions (trigger_id, action_group_oid, utc_time, document) VALUES ($key, $group, $time, $document)",
            c =>
            {
                c.Parameters.AddWithValue("$key", schedule.TriggerId);
                c.Parameters.AddWithValue("$group", schedule.ActionGroupOid);
                c.Parameters.AddWithValue("$time", schedule.UtcTime);
                c.Parameters.AddWithValue("$document", JsonSerializer.Serialize(schedule, GatewayJsonContext.Default.ScheduledExecution));
            }, cancellationToken);

    public async Task<bool> DeleteScheduleAsync(string triggerId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM scheduled_executions WHERE trigger_id = $key", c => c.Parameters.AddWithValue("$key", triggerId), cancellationToken) > 0;

    /// <summary>
    /// Every row that can be read; a row too large (never even read into memory), not JSON, of the wrong shape or
    /// incomplete is skipped and logged with its key, so no stored row can stop the gateway from starting.
    /// </summary>
    private Task<IReadOnlyList<T>> LoadAsync<T>(string what, string sql, JsonTypeInfo<T> type, Func<T, bool> isComplete, CancellationToken cancellationToken)
        where T : class =>
        database.UseAsync<IReadOnlyList<T>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$max", ApiLimits.MaxStoredDocumentLength);
            var items = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = reader.IsDBNull(0) ? "?" : reader.GetString(0);
                if (reader.IsDBNull(1))
                {
                    Skipped(what, key, $"{reader.GetInt64(2)} characters, over the limit of {ApiLimits.MaxStoredDocumentLength}");
                    continue;
                }
                var item = StoredJson.ReadOne(reader.GetString(1), type, reason => Skipped(what, key, reason));
                if (item is null) continue;
                if (isComplete(item)) items.Add(item);
                else Skipped(what, key, "a required member is missing");
            }
            return items;
        }, cancellationToken);

    private void Skipped(string what, string key, string reason) =>
        database.Logger.LogError("Stored {What} {Key} cannot be loaded and is skipped: {Reason}", what, key, reason);

    /// <summary>One statement in its own transaction, which also stores <paramref name="uplink"/> (and whatever uplink is staged).</summary>
    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken, IReadOnlyList<OutboxMessage>? uplink = null) =>
        database.UseAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            int rows;
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                bind(command);
                rows = await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await database.CommitAsync(connection, transaction, cancellationToken, uplink);
            return rows;
        }, cancellationToken);
}
