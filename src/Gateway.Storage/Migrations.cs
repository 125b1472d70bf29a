using Microsoft.Data.Sqlite;

namespace Gateway.Storage;

/// <summary>Versioned schema changes, applied in order at start-up; a version once shipped is never edited.</summary>
internal static class Migrations
{
    internal static readonly string[] Steps =
    [
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE places (oid TEXT PRIMARY KEY, label TEXT NOT NULL, parent_oid TEXT, creation_time INTEGER NOT NULL);
        CREATE TABLE devices (
            device_url TEXT PRIMARY KEY,
            oid TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            controllable_name TEXT NOT NULL,
            place_oid TEXT NOT NULL,
            product_type INTEGER NOT NULL,
            available INTEGER NOT NULL,
            enabled INTEGER NOT NULL,
            creation_time INTEGER NOT NULL,
            last_update_time INTEGER NOT NULL,
            attributes_json TEXT NOT NULL,
            states_json TEXT NOT NULL);
        CREATE TABLE executions (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            owner TEXT NOT NULL,
            source TEXT NOT NULL,
            start_time INTEGER NOT NULL,
            end_time INTEGER,
            state TEXT NOT NULL,
            failure_type TEXT,
            actions_json TEXT NOT NULL,
            failed_commands_json TEXT NOT NULL DEFAULT '[]');
        CREATE INDEX executions_by_start ON executions (start_time);
        CREATE TABLE api_tokens (id TEXT PRIMARY KEY, label TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE, creation_time INTEGER NOT NULL);
        """,
        """
        CREATE TABLE action_groups (oid TEXT PRIMARY KEY, document TEXT NOT NULL);
        CREATE TABLE scheduled_executions (trigger_id TEXT PRIMARY KEY, action_group_oid TEXT NOT NULL, utc_time INTEGER NOT NULL, document TEXT NOT NULL);
        CREATE INDEX scheduled_executions_by_time ON scheduled_executions (utc_time);
        """,
        """
        ALTER TABLE executions ADD COLUMN execution_type TEXT;
        ALTER TABLE executions ADD COLUMN execution_sub_type TEXT;
        """,
        """
        CREATE TABLE radio_settings (protocol TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (protocol, key));
        """,
        // The cloud outbox lives beside the changes it reports, so one transaction can hold both. Empty unless cloud sync is on.
        """
        CREATE TABLE cloud_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind INTEGER NOT NULL,
            topic TEXT NOT NULL,
            coalesce_key TEXT,
            created_at INTEGER NOT NULL,
            payload BLOB NOT NULL);
        CREATE INDEX cloud_outbox_by_key ON cloud_outbox (coalesce_key) WHERE coalesce_key IS NOT NULL;
        CREATE TABLE cloud_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE cloud_requests (request_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, response BLOB);
        """,
        // Places: the tree of rooms and floors (type, metadata, last change); devices get their metadata.
        """
        ALTER TABLE places ADD COLUMN type INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE places ADD COLUMN metadata TEXT;
        ALTER TABLE places ADD COLUMN last_update_time INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE devices ADD COLUMN metadata TEXT;
        """,
        // State history (docs/state-history.md): raw samples, hourly and daily aggregates, keyed by (series, time).
        """
        CREATE TABLE state_history_series (id INTEGER PRIMARY KEY, device_url TEXT NOT NULL, state_name TEXT NOT NULL, kind INTEGER NOT NULL,
            UNIQUE (device_url, state_name));
        CREATE TABLE state_history_raw (series INTEGER NOT NULL, time INTEGER NOT NULL, number REAL, text TEXT,
            PRIMARY KEY (series, time)) WITHOUT ROWID;
        CREATE TABLE state_history_hourly (series INTEGER NOT NULL, bucket INTEGER NOT NULL, min REAL, max REAL, mean REAL,
            samples INTEGER NOT NULL, last TEXT, PRIMARY KEY (series, bucket)) WITHOUT ROWID;
        CREATE TABLE state_history_daily (series INTEGER NOT NULL, bucket INTEGER NOT NULL, min REAL, max REAL, mean REAL,
            samples INTEGER NOT NULL, last TEXT, PRIMARY KEY (series, bucket)) WITHOUT ROWID;
        CREATE TABLE state_history_rollup (level INTEGER PRIMARY KEY, done_until INTEGER NOT NULL);
        """,
        // Device faults and warnings kept for /history/devicesEvent; seq gives the order, id is what clients see.
        """
        CREATE TABLE device_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            event_time INTEGER NOT NULL,
            device_url TEXT NOT NULL,
            type TEXT NOT NULL,
            sub_type TEXT NOT NULL,
            value TEXT NOT NULL);
        CREATE INDEX device_events_by_time ON device_events (event_time);
        """,
        // One row per trigger, condition group, calendar day and rule instead of one settings document per kind;
        // SetupRowsMigration moves the documents in after this step.
        """
        CREATE TABLE setup_rows (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            position REAL NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (kind, key));
        """,
    ];

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        long current;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }
        if (current > Steps.Length)
            throw new InvalidOperationException($"Database schema {current} is newer than this gatewayd ({Steps.Length}); refusing to downgrade");

        for (var version = (int)current + 1; version <= Steps.Length; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Steps[version - 1] + $"; INSERT INTO schema_version (version) VALUES ({version});";
            await step.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
