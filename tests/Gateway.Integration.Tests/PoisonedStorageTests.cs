using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Gateway.Integration.Tests;

/// <summary>
/// No stored content can stop the gateway from starting: rows it cannot load (not JSON, the wrong shape, megabytes
/// long) are skipped and logged with their id, and everything else is served.
/// </summary>
public class PoisonedStorageTests
{
    private static async Task ExecuteAsync(string dataDirectory, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "gateway.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_daemon_whose_database_holds_rows_it_cannot_load_starts_and_serves_the_good_ones()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            var daemon = await DaemonProcess.StartAsync(data);
            string groupOid;
            string gatewayId;
            await using (daemon)
            {
                using var client = daemon.Client(await daemon.CreateTokenAsync());
                gatewayId = await client.GatewayIdAsync();
                var scene = JsonSerializer.Serialize(new
                {
                    label = "good scene",
                    actions = new[] { new { deviceURL = $"sim://{gatewayId}/1100002", commands = new[] { new { name = "open" } } } },
                });
                var (created, body) = await client.PostJsonAsync("actionGroups", scene);
                Assert.True(created == 201, body.ToString());
                groupOid = body.GetProperty("actionGroupOID").GetString()!;
                var (grouped, group) = await client.PostJsonAsync("conditionGroups", $$$"""
                    {"label":"good group","conditions":[{"staticDeviceStateCondition":{"deviceURL":"sim://{{{gatewayId}}}/1100002","stateName":"core:ClosureState","operator":"EQUALS","value1":0}}]}
                    """);
                Assert.True(grouped == 201, group.ToString());
                Assert.Equal(400, (await client.PostJsonAsync($"exec/schedule/{groupOid}/253402300800000")).Status);
            }

            var hugeLabel = new string('x', 5 * 1024 * 1024);
            var bigGroup = JsonSerializer.Serialize(new { oid = "poison-big", label = hugeLabel, actions = Array.Empty<object>() });
            await ExecuteAsync(data, "INSERT INTO action_groups (oid, document) VALUES ('poison-json', 'not json {'), ('poison-shape', '{\"oid\":\"poison-shape\"}'), ('poison-big', $big)",
                ("$big", bigGroup));
            await ExecuteAsync(data, """
                INSERT INTO scheduled_executions (trigger_id, action_group_oid, utc_time, document) VALUES
                ('poison-schedule-json', 'x', 1, '[['),
                ('poison-schedule-time', 'x', 253402300800000, '{"triggerId":"poison-schedule-time","label":"x","utcTime":253402300800000,"actionGroupOID":"x"}')
                """);
            await ExecuteAsync(data, """
                INSERT INTO executions (id, label, owner, source, start_time, end_time, state, actions_json) VALUES
                ('poison-exec-label', $label, 'o', 's', 1, 2, 'COMPLETED', '[]'),
                ('poison-exec-json', 'x', 'o', 's', 3, 4, 'COMPLETED', 'not json')
                """, ("$label", hugeLabel));
            await ExecuteAsync(data, """
                INSERT INTO devices (device_url, oid, label, controllable_name, place_oid, product_type, available, enabled,
                                     creation_time, last_update_time, attributes_json, states_json)
                VALUES ('sim://0000-0000-0000/99999', 'poison-device', 'x', 'io:Nothing', 'p', 1, 1, 1, 0, 0, '[]', 'not json')
                """);
            await ExecuteAsync(data, """
                INSERT INTO setup_rows (kind, key, position, document) VALUES
                ('automation.conditionGroups', 'poison-condition', 1e9, '{"oid":"poison-condition","conditions":"x"}'),
                ('automation.conditionGroups', '#42', 2e9, '42')
                """);
            await ExecuteAsync(data, """
                INSERT INTO settings (key, value) VALUES ('calendar.days', 'not json'), ('calendar.rules', '[null,{"oid":7}]'),
                ('setup.location', '{"timezone":null}'), ('automation.enabled', '"x"')
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """);

            await using var restarted = await DaemonProcess.StartAsync(data);
            using var again = restarted.Client(await restarted.CreateTokenAsync("after"));
            var (status, groups) = await again.GetJsonAsync("actionGroups");
            Assert.Equal(200, status);
            Assert.Equal("good scene", string.Join("|", groups.EnumerateArray().Select(g => g.GetProperty("label").GetString())));
            var (_, conditions) = await again.GetJsonAsync("conditionGroups");
            Assert.Equal("good group", string.Join("|", conditions.EnumerateArray().Select(g => g.GetProperty("label").GetString())));
            Assert.Equal(0, (await again.GetJsonAsync("exec/schedule")).Body.GetArrayLength());
            var (historyStatus, history) = await again.GetJsonAsync("history/executions");
            Assert.Equal(200, historyStatus);
            Assert.All(history.EnumerateArray(), e => Assert.True(e.GetProperty("label").GetString()!.Length <= 128));
            Assert.Equal(200, (await again.GetJsonAsync("setup/calendar/days")).Status);
            Assert.Equal(200, (await again.GetJsonAsync("setup/location")).Status);
            Assert.Equal(200, (await again.GetJsonAsync("setup/devices")).Status);
            Assert.Equal(200, (await again.GetJsonAsync($"setup/devices/{ApiClientExtensions.Escape($"sim://{gatewayId}/1100002")}")).Status);
            var output = restarted.Output;
            Assert.Contains("poison-json", output);
            Assert.Contains("poison-big", output);
            Assert.Contains("sim://0000-0000-0000/99999", output);
            Assert.DoesNotContain(hugeLabel[..1000], output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
