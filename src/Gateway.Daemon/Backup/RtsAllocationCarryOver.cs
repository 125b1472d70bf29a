using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Backup;

/// <summary>
/// A restore must not take the RTS radio's address records back in time: an RFY address used after the backup was
/// made has a rolling code in the transceiver, and handing it out again would pair a second motor to it. So the
/// records of the database being replaced (radio settings of protocol "rts", keys <c>channel/…</c>) are carried into
/// the restored one, the newer record winning. The radio also reads the transceiver's own table at start (docs/rts.md).
/// </summary>
public static class RtsAllocationCarryOver
{
    public static void Apply(string restoredDatabase, string replacedDatabase, ILogger log)
    {
        if (!File.Exists(replacedDatabase)) return;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = restoredDatabase, Pooling = false }.ToString());
            connection.Open();
            using (var attach = connection.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $replaced AS replaced";
                attach.Parameters.AddWithValue("$replaced", replacedDatabase);
                attach.ExecuteNonQuery();
            }
            if (!HasTable(connection, "main") || !HasTable(connection, "replaced")) return;
            using var copy = connection.CreateCommand();
            copy.CommandText = """
                INSERT INTO main.radio_settings (protocol, key, value)
                SELECT protocol, key, value FROM replaced.radio_settings WHERE protocol = 'rts' AND substr(key, 1, 8) = 'channel/'
                ON CONFLICT (protocol, key) DO UPDATE SET value = excluded.value
                """;
            var carried = copy.ExecuteNonQuery();
            if (carried > 0) log.LogInformation("Kept {Count} RTS address records of the replaced database so no address is handed out twice", carried);
        }
        catch (SqliteException ex)
        {
            log.LogWarning("The RTS address records of the replaced database could not be carried over ({Reason}); the radio will rely on the transceiver's remote table", ex.Message);
        }
    }

    private static bool HasTable(SqliteConnection connection, string schema)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {schema}.sqlite_master WHERE type = 'table' AND name = 'radio_settings'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
