using Gateway.Core.Events;
using Gateway.Core.History;
using Gateway.Core.Model;
using Gateway.Engine.Events;
using Gateway.Storage;
using Gateway.Storage.History;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Daemon.Tests.History;

/// <summary>Recording, roll-up, retention and queries of the state history against a real SQLite file and a manual clock.</summary>
public sealed class StateHistoryStoreTests : IAsyncLifetime
{
    private const string Thermometer = "sim://1234-5678-9012/1100008#1";
    private const string Temperature = "core:TemperatureState";
    private const long Hour = 3_600_000;
    private const long Day = 24 * Hour;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatewayd-history-").FullName;
    private readonly ManualClock _clock = new();
    private readonly StateHistoryOptions _options = new() { RawSampleDays = 2, HourlyDays = 3, DailyYears = 1 };
    private SqliteDatabase _database = null!;
    private SqliteStateHistoryStore _store = null!;
    private StateHistoryRecorder _recorder = null!;
    private StateHistoryService _service = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        _store = new SqliteStateHistoryStore(_database);
        _recorder = new StateHistoryRecorder(_store, _options, _clock, NullLogger<StateHistoryRecorder>.Instance);
        _service = new StateHistoryService(new EventBus(NullLogger<EventBus>.Instance), _recorder, _store, _options, _clock,
            NullLogger<StateHistoryService>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _recorder.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private long Now => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private void Report(string deviceUrl, params DeviceState[] states) => _recorder.OnEvent(new DeviceStateChangedEvent(deviceUrl, states));

    /// <summary>Moves the clock to the start of the next UTC day (ManualClock starts at noon).</summary>
    private void AdvanceToNextDay() => _clock.Advance(TimeSpan.FromMilliseconds(Day - Now % Day));

    private Task<StateHistorySeries?> ReadAsync(StateHistoryResolution resolution, long from, long to, string state = Temperature, int limit = 10_000) =>
        _store.ReadAsync(Thermometer, state, resolution, from, to, limit, default);

    [Fact]
    public async Task A_day_of_readings_reads_the_same_before_and_after_it_is_rolled_up()
    {
        AdvanceToNextDay();
        var dayStart = Now;
        foreach (var value in new[] { 18.0, 22.0, 20.0, 24.0 })
        {
            Report(Thermometer, DeviceState.Of(Temperature, value));
            _clock.Advance(TimeSpan.FromHours(5));
        }
        await _recorder.FlushAsync(default);

        var fromRaw = Assert.Single((await ReadAsync(StateHistoryResolution.Daily, dayStart - Day, dayStart + Day))!.Points);
        Assert.Equal(new StateHistoryPoint("21", 18, 24, 4, dayStart), fromRaw);

        AdvanceToNextDay();
        var rolled = await _service.RollUpNowAsync(default);
        Assert.Equal(4, rolled.HourlyRows);
        Assert.Equal(1, rolled.DailyRows);
        Assert.Equal(Now, rolled.DaysDoneUntil);
        var series = await ReadAsync(StateHistoryResolution.Daily, dayStart - Day, dayStart + Day);
        Assert.Equal(StateHistoryKind.Numeric, series!.Kind);
        Assert.Equal(fromRaw, Assert.Single(series.Points));

        // A second roll-up changes nothing; the raw samples are still there for the raw query.
        await _service.RollUpNowAsync(default);
        Assert.Equal(fromRaw, Assert.Single((await ReadAsync(StateHistoryResolution.Daily, dayStart, dayStart))!.Points));
        var raw = (await ReadAsync(StateHistoryResolution.Raw, dayStart, dayStart + Day))!.Points;
        Assert.Equal(["18", "22", "20", "24"], raw.Select(p => p.Value));
        Assert.Equal(new StateHistoryPoint("22", 22, 22, 1, dayStart + 5 * Hour), raw[1]);
    }

    [Fact]
    public async Task Retention_deletes_raw_samples_then_hours_then_days_but_keeps_the_daily_aggregates_it_rolled_up()
    {
        AdvanceToNextDay();
        var firstDay = Now;
        Report(Thermometer, DeviceState.Of(Temperature, 10.0));
        _clock.Advance(TimeSpan.FromHours(1));
        Report(Thermometer, DeviceState.Of(Temperature, 30.0));
        AdvanceToNextDay();
        await _service.RollUpNowAsync(default);

        // Raw samples are kept RawSampleDays (2), hourly rows HourlyDays (3): after 4 days only the day remains.
        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        var deleted = (await _service.RollUpNowAsync(default)).DeletedRows;
        Assert.Empty((await ReadAsync(StateHistoryResolution.Raw, firstDay, firstDay + Day))!.Points);
        Assert.Equal(new StateHistoryPoint("20", 10, 30, 2, firstDay), Assert.Single((await ReadAsync(StateHistoryResolution.Daily, firstDay, firstDay + Day))!.Points));

        _clock.Advance(TimeSpan.FromDays(2));
        deleted += (await _service.RollUpNowAsync(default)).DeletedRows;
        Assert.Equal(4, deleted); // two raw samples, two hourly rows
        Assert.Single((await ReadAsync(StateHistoryResolution.Daily, firstDay, firstDay + Day))!.Points);

        // DailyYears (1): a year and more later the day is gone too.
        _clock.Advance(TimeSpan.FromDays(367));
        await _service.RollUpNowAsync(default);
        Assert.Empty((await ReadAsync(StateHistoryResolution.Daily, firstDay, firstDay + Day))!.Points);
    }

    [Fact]
    public async Task Samples_not_yet_rolled_up_are_never_deleted_however_old()
    {
        Report(Thermometer, DeviceState.Of(Temperature, 19.5));
        await _recorder.FlushAsync(default);
        var when = Now;

        // No roll-up ran for ten days: the first one rolls the sample up before raw retention takes it.
        _clock.Advance(TimeSpan.FromDays(10));
        await _store.RollUpAsync(Now, _options, default);
        Assert.Equal("19.5", Assert.Single((await ReadAsync(StateHistoryResolution.Daily, when, when))!.Points).Value);
    }

    [Fact]
    public async Task An_enumerated_state_keeps_its_last_value_per_period_and_counts_its_changes()
    {
        AdvanceToNextDay();
        var dayStart = Now;
        foreach (var value in new[] { "open", "closed", "open", "closed" })
        {
            Report(Thermometer, DeviceState.Of("core:OpenClosedState", value), DeviceState.Of("core:NameState", "not historised " + value));
            _clock.Advance(TimeSpan.FromHours(2));
        }
        Report(Thermometer, DeviceState.Of("core:MovingState", true));
        AdvanceToNextDay();
        await _service.RollUpNowAsync(default);

        var series = await ReadAsync(StateHistoryResolution.Daily, dayStart, dayStart, "core:OpenClosedState");
        Assert.Equal(StateHistoryKind.Discrete, series!.Kind);
        Assert.Equal(new StateHistoryPoint("closed", null, null, 4, dayStart), Assert.Single(series.Points));
        Assert.Equal(["core:MovingState", "core:OpenClosedState"], await _store.HistorisedStatesAsync(Thermometer, default));
        Assert.Null(await ReadAsync(StateHistoryResolution.Daily, dayStart, dayStart, "core:NameState"));
    }

    [Fact]
    public async Task Months_and_years_merge_the_days_with_means_weighted_by_samples()
    {
        // 2026-06-30 and 2026-07-01 (UTC): one reading, then three.
        var june30 = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);
        _clock.Advance(june30 - _clock.GetUtcNow());
        Report(Thermometer, DeviceState.Of(Temperature, 10.0));
        _clock.Advance(TimeSpan.FromDays(1));
        foreach (var value in new[] { 20.0, 30.0, 40.0 }) Report(Thermometer, DeviceState.Of(Temperature, value));
        _clock.Advance(TimeSpan.FromDays(3));
        await _service.RollUpNowAsync(default);

        var monthly = (await ReadAsync(StateHistoryResolution.Monthly, june30.ToUnixTimeMilliseconds(), Now))!.Points;
        Assert.Equal([new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()], monthly.Select(p => p.When));
        Assert.Equal("30", monthly[1].Value);
        var annual = Assert.Single((await ReadAsync(StateHistoryResolution.Annual, june30.ToUnixTimeMilliseconds(), Now))!.Points);
        Assert.Equal(new StateHistoryPoint("25", 10, 40, 4, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()), annual);
    }

    [Fact]
    public async Task A_raw_query_with_a_limit_answers_the_latest_samples_in_order_and_a_burst_in_one_millisecond_is_kept_whole()
    {
        var start = Now;
        for (var value = 1; value <= 5; value++) Report(Thermometer, DeviceState.Of(Temperature, value));
        await _recorder.FlushAsync(default);

        Assert.Equal(5, (await ReadAsync(StateHistoryResolution.Raw, start, start + 10))!.Points.Count);
        var latest = (await ReadAsync(StateHistoryResolution.Raw, start, start + 10, limit: 2))!.Points;
        Assert.Equal(["4", "5"], latest.Select(p => p.Value));
        Assert.True(latest[0].When < latest[1].When);
    }

    [Fact]
    public async Task History_survives_a_reopen_of_the_database()
    {
        Report(Thermometer, DeviceState.Of(Temperature, 21.25));
        await _recorder.FlushAsync(default);
        await _database.DisposeAsync();

        _database = await SqliteDatabase.OpenAsync(_directory, NullLogger.Instance, default);
        var reopened = new SqliteStateHistoryStore(_database);
        var point = Assert.Single((await reopened.ReadAsync(Thermometer, Temperature, StateHistoryResolution.Raw, Now - 1, Now + 1, 10, default))!.Points);
        Assert.Equal("21.25", point.Value);
        _recorder = new StateHistoryRecorder(reopened, _options, _clock, NullLogger<StateHistoryRecorder>.Instance);
    }
}
