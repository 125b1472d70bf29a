using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.ActionGroups;
using Gateway.Core.Json;
using Gateway.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace Gateway.Storage;

/// <summary>Action groups and scheduled executions, each kept as its JSON document.</summary>
public sealed class SqliteActionGroupStore(SqliteDatabase database) : IActionGroupStore
{
    public Task<IReadOnlyList<ActionGroup>> LoadAllAsync(CancellationToken cancellationToken) =>
        LoadAsync("SELECT document FROM action_groups", GatewayJsonContext.Default.ActionGroup, cancellationToken);

    public Task SaveAsync(ActionGroup group, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO action_groups (oid, document) VALUES ($key, $document) ON CONFLICT (oid) DO UPDATE SET document = excluded.document",
            c =>
            {
                c.Parameters.AddWithValue("$key", group.Oid);
                c.Parameters.AddWithValue("$document", JsonSerializer.Serialize(group, GatewayJsonContext.Default.ActionGroup));
            }, cancellationToken);

    public async Task<bool> DeleteAsync(string oid, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM action_groups WHERE oid = $key", c => c.Parameters.AddWithValue("$key", oid), cancellationToken) > 0;

    public Task<IReadOnlyList<ScheduledExecution>> LoadSchedulesAsync(CancellationToken cancellationToken) =>
        LoadAsync("SELECT document FROM scheduled_executions ORDER BY utc_time", GatewayJsonContext.Default.ScheduledExecution, cancellationToken);

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

    private Task<IReadOnlyList<T>> LoadAsync<T>(string sql, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        database.UseAsync<IReadOnlyList<T>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var items = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                if (JsonSerializer.Deserialize(reader.GetString(0), type) is { } item) items.Add(item);
            return items;
        }, cancellationToken);

    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
