using Gateway.Core.Events;
using Gateway.Core.Executions;
using Gateway.Core.History;
using Gateway.Core.Model;
using Gateway.Engine.History;
using Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Engine.Tests.History;

/// <summary>Device events reach history in batches off the bus thread and are pruned by age and count on the clock.</summary>
public sealed class DeviceEventHistoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-evhist-").FullName;
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static DeviceEvent Event(long time, string id) => new(time, "sim://1/1", "unavailable", id, "DEVICE_UNAVAILABLE", DeviceEvent.Fault);

    [Fact]
    public async Task Device_events_are_pruned_by_count_at_start_and_by_age_as_the_clock_moves()
    {
        await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var store = new SqliteEventHistoryStore(database);
        var hour = TimeSpan.FromHours(1).Ticks / TimeSpan.TicksPerMillisecond;
        await store.AppendDeviceEventsAsync([Event(Now - 48 * hour, "too-old"), Event(Now - 4 * hour, "a"), Event(Now - 3 * hour, "b"),
            Event(Now - 2 * hour, "c"), Event(Now - 1 * hour, "d")], default);
        var options = new EventHistoryOptions { MaxDeviceEvents = 3, DeviceEventDays = 1, DeviceEventPruneInterval = TimeSpan.FromHours(1) };
        var recorder = new DeviceEventRecorder(store, options, _clock, NullLogger<DeviceEventRecorder>.Instance);

        await recorder.StartAsync(default);
        Assert.Equal(["d", "c", "b"], Ids(await store.LoadDeviceEventsAsync(HistoryPage.First, default)));

        recorder.OnEvent(new DeviceAvailabilityEvent(Now + 2 * hour, "setup", "sim://1/2", Available: false));
        await WaitForAsync(store, ids => ids.Count == 4);

        // The hourly pruning 24 h on finds "b", "c" and "d" (3, 2 and 1 hours before the start) older than a day; the new one is not.
        _clock.Advance(TimeSpan.FromHours(24.5), TimeSpan.FromMinutes(30));
        var left = await WaitForAsync(store, ids => ids.Count == 1);
        Assert.DoesNotContain(left, id => id is "b" or "c" or "d");
        await recorder.DisposeAsync();
    }

    [Fact]
    public async Task Events_queued_at_stop_are_written_in_one_batch_before_the_recorder_ends()
    {
        await using var database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var store = new SqliteEventHistoryStore(database);
        var recorder = new DeviceEventRecorder(store, new EventHistoryOptions(), _clock, NullLogger<DeviceEventRecorder>.Instance);
        await recorder.StartAsync(default);
        for (var i = 0; i < 300; i++)
            recorder.OnEvent(new DeviceAvailabilityEvent(Now + i, "setup", $"sim://1/{i}", Available: false));
        await recorder.DisposeAsync();

        Assert.Equal(300, recorder.Written);
        Assert.Equal(300, (await store.LoadDeviceEventsAsync(new HistoryPage(0, HistoryPage.MaxLimit), default)).Count);
        var page = await store.LoadDeviceEventsAsync(new HistoryPage(10, 5), default);
        Assert.Equal(Enumerable.Range(285, 5).Reverse().Select(i => $"sim://1/{i}"), page.Select(e => e.DeviceUrl));
    }

    [Fact]
    public void Only_faults_and_warnings_become_device_events()
    {
        var found = new List<DeviceEvent>();
        void Classify(GatewayEvent e) { if (DeviceEventClassifier.MayClassify(e)) DeviceEventClassifier.Classify(e, 5, found); }

        Classify(new DeviceAvailabilityEvent(1, "s", "sim://1/1", Available: true));
        Classify(new DeviceStateChangedEvent("sim://1/1", [DeviceState.Of("core:ClosureState", 10)]));
        Classify(new DeviceStateChangedEvent("sim://1/1", [DeviceState.Of("core:SensorDefectState", "noDefect"), DeviceState.Of("core:BatteryState", "full")]));
        Classify(new CommandExecutionStateChangedEvent(1, "s", "sim://1/1", "x", 0, ExecutionState.Failed, FailureType.CommandCancelled.Name));
        Classify(new CommandExecutionStateChangedEvent(1, "s", "sim://1/1", "x", 0, ExecutionState.Completed, null));
        Assert.Empty(found);

        Classify(new DeviceAvailabilityEvent(1, "s", "sim://1/1", Available: false));
        Classify(new CommandExecutionStateChangedEvent(2, "s", "sim://1/1", "x", 1, ExecutionState.Failed, FailureType.ActuatorNoAnswer.Name));
        Classify(new DeviceStateChangedEvent("sim://1/2", [DeviceState.Of("core:SensorDefectState", "dead"), DeviceState.Of("core:BatteryState", "verylow")]));
        Assert.Equal([("FAULT", "DEVICE_UNAVAILABLE", 1L), ("FAULT", "ACTUATORNOANSWER", 2L), ("FAULT", "SENSOR_DEAD", 5L), ("WARNING", "LOW_BATTERY", 5L)],
            found.Select(e => (e.Type, e.SubType, e.EventTime)));
        Assert.Equal(found.Count, found.Select(e => e.Id).Distinct().Count());
    }

    private static List<string> Ids(IReadOnlyList<DeviceEvent> events) => events.Select(e => e.Id).ToList();

    private static async Task<List<string>> WaitForAsync(SqliteEventHistoryStore store, Func<List<string>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var ids = Ids(await store.LoadDeviceEventsAsync(HistoryPage.First, default));
            if (done(ids)) return ids;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("history never reached the expected state: " + string.Join(", ", ids));
            await Task.Delay(20);
        }
    }
}
