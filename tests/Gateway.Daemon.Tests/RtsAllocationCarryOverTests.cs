using Gateway.Daemon.Backup;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Daemon.Tests;

public class RtsAllocationCarryOverTests
{
    [Fact]
    public void Restoring_an_older_database_keeps_the_rts_channels_used_since_and_leaves_other_settings_as_restored()
    {
        var folder = Directory.CreateTempSubdirectory("gatewayd-rts-restore-").FullName;
        try
        {
            var restored = Path.Combine(folder, "restored.db");
            var replaced = Path.Combine(folder, "replaced.db");
            Create(restored, ("rts", "channel/000001", "0A0001/1 paired"), ("zigbee", "network", "old"));
            Create(replaced, ("rts", "channel/000001", "0A0001/1 removed"), ("rts", "channel/000002", "0A0002/1 paired"), ("zigbee", "network", "new"));

            RtsAllocationCarryOver.Apply(restored, replaced, NullLogger.Instance);

            var rows = Read(restored);
            Assert.Equal("0A0001/1 removed", rows[("rts", "channel/000001")]);
            Assert.Equal("0A0002/1 paired", rows[("rts", "channel/000002")]);
            Assert.Equal("old", rows[("zigbee", "network")]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Create(string path, params (string Protocol, string Key, string Value)[] rows)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE radio_settings (protocol TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (protocol, key))";
        create.ExecuteNonQuery();
        foreach (var (protocol, key, value) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO radio_settings VALUES ($p, $k, $v)";
            insert.Parameters.AddWithValue("$p", protocol);
            insert.Parameters.AddWithValue("$k", key);
            insert.Parameters.AddWithValue("$v", value);
            insert.ExecuteNonQuery();
        }
    }

    private static Dictionary<(string, string), string> Read(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT protocol, key, value FROM radio_settings";
        using var reader = select.ExecuteReader();
        var rows = new Dictionary<(string, string), string>();
        while (reader.Read()) rows[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return rows;
    }
}
