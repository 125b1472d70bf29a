using Gateway.Core.Catalog;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests;

/// <summary>The SQLite stores against a real database file, closed and reopened as a restart does.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Device Device(string url, int closure) => new()
    {
        Oid = Guid.NewGuid().ToString(), DeviceUrl = url, Label = "Shutter", ControllableName = "io:RollerShutterGenericIOComponent",
        Definition = DeviceCatalog.LoadEmbedded().Get("io:RollerShutterGenericIOComponent").Definition,
        States = [DeviceState.Of("core:ClosureState", closure)], Attributes = [DeviceState.Of("core:Manufacturer", "x")],
        Available = true, PlaceOid = "p", Type = 1, SubsystemId = DeviceUrl.Parse(url).SubsystemId ?? 0, CreationTime = 1, LastUpdateTime = 2,
    };

    [Fact]
    public async Task Devices_come_back_with_their_latest_states_and_subsystem()
    {
        await using (var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default))
        {
            var store = new SqliteDeviceStore(database, NullLogger<SqliteDeviceStore>.Instance);
            store.Save(Device("io://1234-5678-1234/77#2", 10));
            store.Save(Device("io://1234-5678-1234/77#2", 55));
            await store.FlushAsync(default);
            await store.DisposeAsync();
        }

        await using var reopened = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var loaded = Assert.Single(await new SqliteDeviceStore(reopened, NullLogger<SqliteDeviceStore>.Instance).LoadAllAsync(default));
        Assert.Equal(2, loaded.SubsystemId);
        Assert.Equal(55, loaded.FindState("core:ClosureState")!.Value.GetInt32());
        Assert.Equal("x", loaded.Attributes[0].Value.GetString());
    }

    [Fact]
    public async Task A_deleted_device_is_gone_after_a_reopen_unless_saved_again_after_the_delete()
    {
        await using (var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default))
        {
            var store = new SqliteDeviceStore(database, NullLogger<SqliteDeviceStore>.Instance);
            store.Save(Device("io://1234-5678-1234/1", 10));
            store.Save(Device("io://1234-5678-1234/2", 20));
            await store.FlushAsync(default);
            store.Delete("io://1234-5678-1234/1");
            store.Delete("io://1234-5678-1234/2");
            store.Save(Device("io://1234-5678-1234/2", 30));
            store.Save(Device("io://1234-5678-1234/3", 40));
            store.Delete("io://1234-5678-1234/3");
            await store.FlushAsync(default);
            await store.DisposeAsync();
        }

        await using var reopened = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var loaded = Assert.Single(await new SqliteDeviceStore(reopened, NullLogger<SqliteDeviceStore>.Instance).LoadAllAsync(default));
        Assert.Equal("io://1234-5678-1234/2", loaded.DeviceUrl);
        Assert.Equal(30, loaded.FindState("core:ClosureState")!.Value.GetInt32());
    }

    [Fact]
    public async Task Radio_settings_survive_a_reopen_and_stay_within_their_protocol()
    {
        await using (var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default))
        {
            var store = new SqliteRadioSettingsStore(database);
            await store.SetAsync("zigbee", "network", "{\"pan_id\":\"1a2b\"}", default);
            await store.SetAsync("zigbee", "interview/00124b0002f641f9", "1", default);
            await store.SetAsync("zigbee", "interview/00124b0002f641f9", "2", default);
            await store.SetAsync("zigbee", "interview_%", "x", default);
            await store.SetAsync("enocean", "interview/1", "other radio", default);
        }

        await using var reopened = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var again = new SqliteRadioSettingsStore(reopened);
        Assert.Equal("{\"pan_id\":\"1a2b\"}", await again.GetAsync("zigbee", "network", default));
        var interviews = await again.ListAsync("zigbee", "interview/", default);
        Assert.Equal("2", Assert.Single(interviews).Value);
        await again.DeleteAsync("zigbee", "interview/00124b0002f641f9", default);
        Assert.Empty(await again.ListAsync("zigbee", "interview/", default));
        Assert.Null(await again.GetAsync("enocean", "network", default));
        Assert.Equal("other radio", await again.GetAsync("enocean", "interview/1", default));
    }

    [Fact]
    public async Task Unfinished_executions_are_failed_as_interrupted_and_tokens_are_stored_as_hashes()
    {
        await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var executions = new SqliteExecutionStore(database);
        var request = new ExecutionRequest("x", [new ActionRecord("io://1234-5678-1234/1", [new CommandRecord("open", null, null)])], "me", "local");
        await executions.RecordStartedAsync("e1", request, 5, default);

        Assert.Equal(1, await executions.FailUnfinishedAsync(9, default));
        var history = Assert.Single(await executions.LoadHistoryAsync(10, default));
        Assert.Equal(ExecutionState.Failed, history.State);
        Assert.Equal("INTERRUPTED_BY_RESTART", history.FailureType);

        var tokens = new SqliteTokenStore(database);
        var (info, secret) = await tokens.CreateAsync("phone", 1, default);
        Assert.Equal(info.Id, (await tokens.FindBySecretAsync(secret, default))!.Id);
        Assert.Null(await tokens.FindBySecretAsync(secret + "0", default));
        // The database and its write-ahead log together hold everything written so far.
        var files = Directory.GetFiles(_directory, SqliteDatabase.FileName + "*");
        Assert.Contains(files, f => f.EndsWith("-wal"));
        foreach (var file in files)
        {
            var text = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_finished_executions_drops_the_too_old_and_never_touches_unfinished_ones()
    {
        await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var executions = new SqliteExecutionStore(database);
        var request = new ExecutionRequest("x", [new ActionRecord("io://1234-5678-1234/1", [new CommandRecord("open", null, null)])], "me", "local");
        for (var i = 1; i <= 6; i++)
        {
            await executions.RecordStartedAsync($"e{i}", request, i * 100, default);
            if (i != 2) await executions.RecordFinishedAsync(Finished($"e{i}", i * 100 + 50), default);
        }

        Assert.Equal(2, await executions.PruneAsync(keep: 3, endedBefore: 0, default));
        Assert.Equal(["e6", "e5", "e4"], (await executions.LoadHistoryAsync(10, default)).Select(h => h.Id));
        Assert.Equal(["e2"], await executions.ListUnfinishedAsync(default));

        Assert.Equal(1, await executions.PruneAsync(keep: 10, endedBefore: 500, default));
        Assert.Equal(["e6", "e5"], (await executions.LoadHistoryAsync(10, default)).Select(h => h.Id));

        Assert.Equal(1, await executions.FailInterruptedAsync(["e2", "e6"], 999, default));
        Assert.Equal("INTERRUPTED_BY_RESTART", (await executions.LoadHistoryAsync(10, default)).Single(h => h.Id == "e2").FailureType);
    }

    private static HistoryExecution Finished(string id, long end) => new()
    {
        Id = id, Label = "x", Owner = "me", Source = "local", EventTime = 0, EffectiveStartTime = 0, EndTime = end,
        State = ExecutionState.Completed, FailureType = "NO_FAILURE", FailedCommands = [], Actions = [],
    };

    [Fact]
    public async Task A_corrupt_database_is_moved_aside_and_replaced()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, SqliteDatabase.FileName), "this is not a database, not at all, but it is long enough to look like a header....................................");
        await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        Assert.Empty(await new SqliteDeviceStore(database, NullLogger<SqliteDeviceStore>.Instance).LoadAllAsync(default));
        Assert.Single(Directory.GetFiles(_directory, "gateway.db.corrupt-*"));
    }
}
