using Gateway.Core.Calendars;
using Gateway.Core.Events;
using Gateway.Engine.Calendars;
using static Gateway.Engine.Tests.Calendars.CalendarHarness;

namespace Gateway.Engine.Tests.Calendars;

/// <summary>The calendar firing on the wall clock: once per trigger per date, across restarts and clock jumps.</summary>
public class CalendarRunnerTests
{
    private static readonly DateOnly JuneMonday = new(2026, 6, 15);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_work_day_fires_open_and_close_once_at_the_previewed_instants_and_nothing_on_the_weekend()
    {
        var h = await StartAsync(Paris, new DateOnly(2026, 6, 12), new TimeOnly(0, 10)); // Friday
        var open = await h.GroupAsync("Open");
        var close = await h.GroupAsync("Close", "2");
        var day = await h.Calendar.CreateDayAsync(Day("Work days",
            new TimeTrigger { TriggerType = TimeTriggerTypes.Dawn, DawnOffset = 30, AlwaysAfterHours = 7, ActionGroupOid = open.Oid },
            new TimeTrigger { TriggerType = TimeTriggerTypes.Dusk, RandomTimeOffset = 10, ActionGroupOid = close.Oid }), default);
        await h.Calendar.CreateRulesAsync([Rule(day.Oid!, WeeklyCalendarRule.WorkDays)], default);
        var preview = h.Calendar.ScheduleFor(new DateOnly(2026, 6, 12)).Firings;
        await h.StartRunnerAsync();

        // Up to a minute before each previewed firing in big steps, then through it second by second.
        foreach (var firing in preview)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(firing.Utc);
            h.Time.Advance(at - TimeSpan.FromSeconds(2) - h.Time.GetUtcNow(), Step);
            await SettleAsync();
            Assert.DoesNotContain(firing.Source, h.Runs);
            h.Time.Advance(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100));
            await WaitAsync(() => h.Runs.Contains(firing.Source) && h.RadioTimes.Count == firing.TriggerIndex + 1);
            Assert.InRange(h.RadioTimes[^1], at, at + TimeSpan.FromSeconds(1.5));
        }
        Assert.Equal([$"calendar:{day.Oid}:0", $"calendar:{day.Oid}:1"], h.Runs.Order(StringComparer.Ordinal));
        var kinds = h.Engine.Executions.Started.Values.OrderBy(r => r.Source, StringComparer.Ordinal).Select(r => r.Kind.SubType);
        Assert.Equal(["DAWN_TRIGGER", "DUSK_TRIGGER"], kinds);

        // Through the weekend to Monday 06:00: nothing more.
        h.Time.Advance(h.Local(JuneMonday, 6, 0) - h.Time.GetUtcNow(), TimeSpan.FromMinutes(4));
        await SettleAsync();
        Assert.Equal(2, h.Runs.Count);
        h.Dispose();
    }

    [Fact]
    public async Task A_firing_starts_at_its_exact_instant_not_on_the_next_tick()
    {
        // 07:00 is 1.234 s after the runner starts; ticks fall at +0, +0.5, +1.0 and +1.5 s.
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 59, 58, 766));
        var group = await h.GroupAsync("G");
        await h.EveryDayAsync(TimeAt(7, 0, group.Oid));
        await h.StartRunnerAsync();
        var due = h.Local(JuneMonday, 7, 0).ToUnixTimeMilliseconds();

        h.Time.Advance(TimeSpan.FromMilliseconds(1600), TimeSpan.FromMilliseconds(1));
        await WaitAsync(() => h.Runs.Count == 1);

        var started = h.Engine.Sink.Of<ExecutionRegisteredEvent>().Single().Timestamp;
        Assert.InRange(started, due, due + 2);
        h.Dispose();
    }

    [Fact]
    public async Task After_a_restart_in_the_middle_of_the_day_fired_triggers_do_not_fire_again_and_pending_ones_do()
    {
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 50));
        var group = await h.GroupAsync("G");
        var day = await h.EveryDayAsync(TimeAt(7, 0, group.Oid), TimeAt(12, 30, group.Oid));
        await h.StartRunnerAsync();
        h.Time.Advance(TimeSpan.FromMinutes(15), Step);
        await WaitAsync(() => h.Runs.Count == 1);

        await h.RestartAsync(TimeSpan.FromHours(5)); // back at 12:05
        h.Time.Advance(TimeSpan.FromMinutes(30), Step);
        await WaitAsync(() => h.Runs.Count == 2);
        h.Time.Advance(TimeSpan.FromMinutes(30), Step);
        await SettleAsync();

        Assert.Equal([$"calendar:{day.Oid}:0", $"calendar:{day.Oid}:1"], h.Runs.Order(StringComparer.Ordinal));
        Assert.Contains("2026-06-15", h.Settings.Values[CalendarStore.FiredKey]);
        h.Dispose();
    }

    [Fact]
    public async Task A_restart_up_to_five_minutes_late_still_fires_and_a_later_one_skips_the_firing()
    {
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 0));
        var group = await h.GroupAsync("G");
        var day = await h.EveryDayAsync(TimeAt(7, 0, group.Oid), TimeAt(8, 0, group.Oid));
        await h.StartRunnerAsync();
        h.StopRunner();

        h.Time.Advance(h.Local(JuneMonday, 7, 4) - h.Time.GetUtcNow(), Step); // off over 07:00, back 4 minutes late
        await h.RestartAsync(TimeSpan.Zero);
        h.Time.Advance(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));
        await WaitAsync(() => h.Runs.Count == 1);

        h.StopRunner();
        await h.RestartAsync(h.Local(JuneMonday, 8, 10) - h.Time.GetUtcNow()); // back 10 minutes after 08:00
        h.Time.Advance(TimeSpan.FromMinutes(30), Step);
        await SettleAsync();

        Assert.Equal([$"calendar:{day.Oid}:0"], h.Runs);
        Assert.True(h.Calendar.IsHandled($"{day.Oid}:1", JuneMonday), "the missed firing is given up, not kept pending");
        h.Dispose();
    }

    [Fact]
    public async Task A_clock_set_back_an_hour_after_a_firing_does_not_fire_it_again()
    {
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 50));
        var group = await h.GroupAsync("G");
        await h.EveryDayAsync(TimeAt(7, 0, group.Oid));
        await h.StartRunnerAsync();
        h.Time.Advance(TimeSpan.FromMinutes(15), Step);
        await WaitAsync(() => h.Runs.Count == 1);

        h.Time.Jump(TimeSpan.FromHours(-1)); // 06:05
        h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(10), Step);
        await SettleAsync();

        Assert.Single(h.Runs);
        h.Dispose();
    }

    [Fact]
    public async Task A_clock_set_forward_over_a_firing_fires_it_once()
    {
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 58));
        var group = await h.GroupAsync("G");
        await h.EveryDayAsync(TimeAt(7, 0, group.Oid));
        await h.StartRunnerAsync();
        h.Time.Advance(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Empty(h.Runs);

        h.Time.Jump(TimeSpan.FromMinutes(4)); // 06:58:05 → 07:02:05, over 07:00
        await WaitAsync(() => h.Runs.Count == 1);
        h.Time.Advance(TimeSpan.FromMinutes(30), Step);
        await SettleAsync();

        Assert.Single(h.Runs);
        h.Dispose();
    }

    [Fact]
    public async Task On_the_fall_back_day_a_repeated_time_fires_once_and_on_the_spring_forward_day_a_skipped_time_fires_at_3()
    {
        var h = await StartAsync(Paris, new DateOnly(2026, 10, 25), new TimeOnly(1, 0));
        var group = await h.GroupAsync("Night");
        await h.EveryDayAsync(TimeAt(2, 30, group.Oid));
        await h.StartRunnerAsync();

        // To just after the first 02:30 (CEST, 00:30 UTC), then wait for the engine before time moves on.
        var firstHalfPastTwo = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        h.Time.Advance(firstHalfPastTwo + Step - h.Time.GetUtcNow(), Step);
        await WaitAsync(() => h.Runs.Count == 1 && h.RadioTimes.Count == 1);
        Assert.InRange(h.RadioTimes[0], firstHalfPastTwo, firstHalfPastTwo + Step);
        h.Time.Advance(new DateTimeOffset(2026, 10, 25, 3, 0, 0, TimeSpan.Zero) - h.Time.GetUtcNow(), Step); // through the second 02:30 (CET) to 04:00 CET
        await SettleAsync();
        Assert.Single(h.Runs);
        h.Dispose();

        var spring = await StartAsync(Paris, new DateOnly(2026, 3, 29), new TimeOnly(1, 0));
        var night = await spring.GroupAsync("Night");
        await spring.EveryDayAsync(TimeAt(2, 30, night.Oid));
        await spring.StartRunnerAsync();
        var threeOClock = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero); // 03:00 CEST, the first instant after the gap
        spring.Time.Advance(threeOClock + Step - spring.Time.GetUtcNow(), Step);
        await WaitAsync(() => spring.Runs.Count == 1 && spring.RadioTimes.Count == 1);
        Assert.InRange(spring.RadioTimes[0], threeOClock, threeOClock + Step);
        spring.Dispose();
    }

    [Fact]
    public async Task Nothing_fires_while_the_calendar_is_off_and_it_fires_again_once_on()
    {
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 50));
        var group = await h.GroupAsync("G");
        await h.EveryDayAsync(TimeAt(7, 0, group.Oid), TimeAt(8, 0, group.Oid));
        await h.Calendar.SetStatusAsync(false, default);
        await h.StartRunnerAsync();
        h.Time.Advance(TimeSpan.FromMinutes(30), Step);
        await SettleAsync();
        Assert.Empty(h.Runs);
        Assert.False(h.Calendar.Status.Enabled);

        await h.Calendar.SetStatusAsync(true, default);
        h.Time.Advance(TimeSpan.FromMinutes(40), Step);
        await h.AdvanceUntilAsync(() => h.Runs.Count == 1);
        Assert.EndsWith(":1", h.Runs[0]);
        h.Dispose();
    }

    [Fact]
    public async Task A_changed_trigger_fires_again_the_same_day_at_its_new_time_and_an_unchanged_one_does_not()
    {
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(6, 50));
        var group = await h.GroupAsync("G");
        var day = await h.EveryDayAsync(TimeAt(7, 0, group.Oid), TimeAt(7, 1, group.Oid));
        await h.StartRunnerAsync();
        h.Time.Advance(TimeSpan.FromMinutes(15), Step);
        await h.AdvanceUntilAsync(() => h.Runs.Count == 2);

        await h.Calendar.UpdateDayAsync(day with { DayTimeTriggers = [new(TimeAt(7, 0, group.Oid)), new(TimeAt(9, 0, group.Oid))] }, default);
        h.Time.Advance(TimeSpan.FromHours(2), Step);
        await h.AdvanceUntilAsync(() => h.Runs.Count == 3);
        await SettleAsync();

        Assert.Equal(3, h.Runs.Count);
        Assert.Equal(2, h.Runs.Count(r => r == $"calendar:{day.Oid}:1"));
        h.Dispose();
    }
}
