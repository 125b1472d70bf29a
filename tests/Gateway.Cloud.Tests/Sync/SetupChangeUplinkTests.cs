using System.Text;
using Gateway.Cloud.Sync;
using Gateway.Core.ActionGroups;
using Gateway.Core.Cloud;
using Gateway.Core.Events;
using Gateway.Storage;
using Gateway.Storage.Cloud;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Cloud.Tests.Sync;

/// <summary>A setup change and the uplink message reporting it are one transaction: no moment has one without the other.</summary>
public sealed class SetupChangeUplinkTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-setup-uplink-").FullName;
    private SqliteDatabase _database = null!;
    private SqliteCloudOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, CancellationToken.None);
        _outbox = await SqliteCloudOutbox.OpenAsync(_database, _directory, new OutboxLimits(1000, 1 << 20, TimeSpan.FromHours(1)), TimeProvider.System,
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_stores_commit_carries_the_report_and_the_bus_does_not_store_it_a_second_time()
    {
        // The writer's own flush never runs here: only the store's commit can have put the report in the outbox.
        var writer = new CloudOutboxWriter(_outbox, TimeProvider.System, NullLogger.Instance);
        var store = new SqliteActionGroupStore(_database);
        var group = new ActionGroup { Oid = "g-1", Label = "evening", CreationTime = 1, LastUpdateTime = 1, Actions = [] };
        var report = new ActionGroupEvent(1, "setup", "g-1", "evening", "Created");

        await store.SaveAsync(group, writer.Carry(report), CancellationToken.None);

        var stored = await _outbox.ReadAsync(0, 10, CancellationToken.None);
        Assert.Single(stored);
        Assert.Contains("\"ActionGroupCreatedEvent\"", Encoding.UTF8.GetString(stored[0].Payload));
        Assert.Single(await store.LoadAllAsync(CancellationToken.None));

        writer.OnEvent(report);
        Assert.Equal(0, _outbox.StagedCount);
        writer.OnEvent(report with { Change = "Updated" });
        Assert.Equal(1, _outbox.StagedCount);
    }

    [Fact]
    public async Task A_settings_change_commits_with_its_report_too()
    {
        var writer = new CloudOutboxWriter(_outbox, TimeProvider.System, NullLogger.Instance);
        var settings = new SqliteSettingsStore(_database);
        var report = new ActionGroupEvent(2, "setup", "g-2", null, "Deleted");

        await settings.SetAsync("automation.example", "[]", writer.Carry(report), CancellationToken.None);

        Assert.Equal("[]", await settings.GetAsync("automation.example", CancellationToken.None));
        Assert.Single(await _outbox.ReadAsync(0, 10, CancellationToken.None));
    }
}
