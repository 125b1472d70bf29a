using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Calendars;
using Gateway.Engine.Automation;
using Gateway.Engine.Calendars;
using Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

/// <summary>Item 7 of issue 14: setup lists are kept one row per item, moved there from the old one-document layout.</summary>
public sealed class SetupRowsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-rows-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DatabasePath => Path.Combine(_directory, SqliteDatabase.FileName);

    private static readonly string Days = JsonSerializer.Serialize<IReadOnlyList<CalendarDay>>(
    [
        new CalendarDay { Oid = "day-1", Label = "Work day", CreationTime = 1, LastUpdateTime = 2, DayTimeTriggers = [] },
        new CalendarDay { Oid = "day-2", Label = "Holiday", CreationTime = 3, LastUpdateTime = 4, DayTimeTriggers = [], Metadata = "{\"colour\":\"red\"}" },
    ], CalendarJsonContext.Default.IReadOnlyListCalendarDay);

    private static readonly string Groups = JsonSerializer.Serialize<IReadOnlyList<ConditionGroup>>(
        [new ConditionGroup { Oid = "group-1", Label = "Warm", CreationTime = 5, LastUpdateTime = 6 }], AutomationJsonContext.Default.IReadOnlyListConditionGroup);

    // An item without an oid and one repeating an oid: kept as they are, in their place.
    private const string Triggers = """[{"oid":"t-1","label":"Dusk"},{"label":"no oid"},{"oid":"t-1","label":"same oid"},{"oid":"t-2","label":"Étage \"2\""}]""";
    private const string Rules = """[{"oid":"rule-1","label":"Weekdays","days":[1,2,3,4,5]}]""";

    [Fact]
    public async Task A_database_in_the_old_layout_has_its_setup_lists_moved_into_rows_losing_nothing_once()
    {
        await BuildOldLayoutAsync(new Dictionary<string, string>
        {
            [CalendarStore.DaysKey] = Days,
            [CalendarStore.RulesKey] = Rules,
            [ConditionGroupService.SettingKey] = Groups,
            [TriggerEngine.DefinitionsKey] = Triggers,
            [TriggerEngine.DiscreteDefinitionsKey] = "{not an array",
            [TriggerEngine.RuntimeKey] = """{"pending":[]}""",
        });

        for (var start = 0; start < 2; start++) // the second start finds nothing left to move
        {
            await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
            var settings = new SqliteSettingsStore(database);
            Assert.Equal(Days, await settings.GetAsync(CalendarStore.DaysKey, default));
            Assert.Equal(Rules, await settings.GetAsync(CalendarStore.RulesKey, default));
            Assert.Equal(Groups, await settings.GetAsync(ConditionGroupService.SettingKey, default));
            Assert.Equal(Triggers, await settings.GetAsync(TriggerEngine.DefinitionsKey, default));
            Assert.Equal("""{"pending":[]}""", await settings.GetAsync(TriggerEngine.RuntimeKey, default));
            var days = await new CalendarStore(settings).LoadDaysAsync(default);
            Assert.Equal(["Work day", "Holiday"], days.Select(d => d.Label));
            Assert.Equal("{\"colour\":\"red\"}", days[1].Metadata);
        }

        await using var raw = Open();
        Assert.Equal(2 + 1 + 1 + 4, Scalar(raw, "SELECT COUNT(*) FROM setup_rows"));
        Assert.Equal(4, Scalar(raw, "SELECT COUNT(DISTINCT key) FROM setup_rows WHERE kind = 'automation.triggers'"));
        // Only what could not be read as a list stays behind, untouched; the documents that moved are gone.
        Assert.Equal(["automation.discreteTriggers", "automation.pending"], Strings(raw, "SELECT key FROM settings WHERE key LIKE 'automation.%' OR key LIKE 'calendar.%' ORDER BY key"));
        Assert.Equal(["{not an array"], Strings(raw, "SELECT value FROM settings WHERE key = 'automation.discreteTriggers'"));
    }

    [Fact]
    public async Task Each_write_keeps_the_list_in_order_and_changes_only_the_rows_of_items_that_changed()
    {
        await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var settings = new SqliteSettingsStore(database);
        var items = Enumerable.Range(0, 900).Select(i => Item($"t-{i}", "v1")).ToList();
        await settings.SetAsync(TriggerEngine.DefinitionsKey, Array(items), default);
        var before = await RowsAsync();

        items[450] = Item("t-450", "v2");
        await settings.SetAsync(TriggerEngine.DefinitionsKey, Array(items), default);
        var after = await RowsAsync();
        Assert.Equal(["t-450"], after.Where(r => !before.Contains(r)).Select(r => r.Key));

        // Inserted in the middle, at the front, removed, moved: always read back exactly as written.
        items.Insert(300, Item("new-middle", "v1"));
        items.Insert(0, Item("new-first", "v1"));
        items.RemoveAt(10);
        (items[5], items[700]) = (items[700], items[5]);
        items.Add(Item("no-oid-like", "v1").Replace("\"oid\":\"no-oid-like\",", ""));
        await settings.SetAsync(TriggerEngine.DefinitionsKey, Array(items), default);
        Assert.Equal(Array(items), await settings.GetAsync(TriggerEngine.DefinitionsKey, default));
        for (var i = 0; i < 60; i++) items.Insert(1, Item($"squeezed-{i}", "v1")); // halves the same gap again and again
        await settings.SetAsync(TriggerEngine.DefinitionsKey, Array(items), default);
        Assert.Equal(Array(items), await settings.GetAsync(TriggerEngine.DefinitionsKey, default));

        await settings.SetAsync(TriggerEngine.DefinitionsKey, "[]", default);
        Assert.Null(await settings.GetAsync(TriggerEngine.DefinitionsKey, default));
        Assert.Empty(await new CalendarStore(settings).LoadDaysAsync(default));
    }

    private static string Item(string oid, string version) => $$"""{"oid":"{{oid}}","label":"Trigger {{oid}}","version":"{{version}}"}""";

    private static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    private async Task<HashSet<(string Key, double Position, string Document)>> RowsAsync()
    {
        await using var raw = Open();
        await using var command = raw.CreateCommand();
        command.CommandText = "SELECT key, position, document FROM setup_rows";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new HashSet<(string, double, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetDouble(1), reader.GetString(2)));
        return rows;
    }

    /// <summary>
    /// The file an earlier gatewayd leaves: the schema before setup_rows (its step is the last one) and the lists as
    /// settings documents under the engine's keys.
    /// </summary>
    private async Task BuildOldLayoutAsync(Dictionary<string, string> settings)
    {
        await (await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default)).DisposeAsync();
        await using var raw = Open();
        await using var command = raw.CreateCommand();
        command.CommandText = $"DROP TABLE setup_rows; DELETE FROM schema_version WHERE version = {SqliteDatabase.SchemaVersion};";
        await command.ExecuteNonQueryAsync();
        foreach (var (key, value) in settings)
        {
            await using var insert = raw.CreateCommand();
            insert.CommandText = "INSERT INTO settings (key, value) VALUES ($key, $value)";
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$value", value);
            await insert.ExecuteNonQueryAsync();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
