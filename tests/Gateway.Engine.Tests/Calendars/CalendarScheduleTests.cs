using Gateway.Core.Calendars;
using Gateway.Engine.Calendars;
using Gateway.Engine.Sun;
using static Gateway.Engine.Tests.Calendars.CalendarHarness;

namespace Gateway.Engine.Tests.Calendars;

/// <summary>What the calendar resolves for a date: the preview, and so what the runner fires.</summary>
public class CalendarScheduleTests
{
    private static readonly DateOnly JuneMonday = new(2026, 6, 15);
    private static readonly DateOnly DecemberMonday = new(2026, 12, 14);
    private static readonly DateOnly JuneSaturday = new(2026, 6, 13);

    /// <summary>"Work days: open 30 minutes after dawn but never before 07:00; close at dusk with up to 10 minutes random offset."</summary>
    private static async Task<(CalendarHarness H, CalendarDay Day)> WorkDaysAsync(DateOnly start)
    {
        var h = await StartAsync(Paris, start, new TimeOnly(0, 30));
        var open = await h.GroupAsync("Open");
        var close = await h.GroupAsync("Close", "2");
        var day = await h.Calendar.CreateDayAsync(Day("Work days",
            new TimeTrigger { TriggerType = TimeTriggerTypes.Dawn, DawnOffset = 30, AlwaysAfterHours = 7, AlwaysAfterMinutes = 0, ActionGroupOid = open.Oid },
            new TimeTrigger { TriggerType = TimeTriggerTypes.Dusk, RandomTimeOffset = 10, ActionGroupOid = close.Oid }), default);
        await h.Calendar.CreateRulesAsync([Rule(day.Oid!, WeeklyCalendarRule.WorkDays)], default);
        return (h, day);
    }

    private static SunTimes Sun(CalendarHarness h, DateOnly date) => SolarCalculator.ForDate(date, Paris.Latitude, Paris.Longitude, h.Zone);

    [Fact]
    public async Task On_a_June_work_day_in_Paris_dawn_plus_30_is_held_back_to_7_and_dusk_moves_within_10_minutes()
    {
        var (h, day) = await WorkDaysAsync(JuneMonday);
        var sun = Sun(h, JuneMonday);
        Assert.True(sun.Sunrise!.Value.AddMinutes(30) < h.Local(JuneMonday, 7, 0), "dawn + 30 is before 07:00 in June");

        var schedule = h.Calendar.ScheduleFor(JuneMonday);

        Assert.Equal([day.Oid!], schedule.CalendarDays);
        Assert.Equal(2, schedule.Firings.Count);
        var open = schedule.Firings[0];
        Assert.Equal((0, 7, 0), (open.TriggerIndex, open.Hours, open.Minutes));
        Assert.Equal(h.Local(JuneMonday, 7, 0).ToUnixTimeMilliseconds(), open.Utc);
        Assert.Equal("2026-06-15T07:00:00+02:00", open.LocalTime);
        var close = schedule.Firings[1];
        Assert.Equal(1, close.TriggerIndex);
        var offset = DateTimeOffset.FromUnixTimeMilliseconds(close.Utc) - sun.Sunset!.Value;
        Assert.InRange(offset, TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(10));
        Assert.Equal(TriggerResolver.RandomOffset(day.Oid!, 1, JuneMonday, 10), offset);
    }

    [Fact]
    public async Task On_a_December_work_day_in_Paris_dawn_plus_30_is_after_7_and_kept()
    {
        var (h, _) = await WorkDaysAsync(DecemberMonday);
        var sunrise = Sun(h, DecemberMonday).Sunrise!.Value;
        Assert.True(sunrise.AddMinutes(30) > h.Local(DecemberMonday, 7, 0));

        var open = h.Calendar.ScheduleFor(DecemberMonday).Firings[0];

        Assert.Equal(sunrise.AddMinutes(30).ToUnixTimeMilliseconds(), open.Utc);
        Assert.Equal("DAWN", open.TriggerType);
    }

    [Fact]
    public async Task The_work_day_rule_gives_nothing_on_a_weekend()
    {
        var (h, _) = await WorkDaysAsync(JuneSaturday);
        var schedule = h.Calendar.ScheduleFor(JuneSaturday);
        Assert.Empty(schedule.Firings);
        Assert.Empty(schedule.CalendarDays);
        Assert.Empty(h.Calendar.ScheduleFor(JuneSaturday.AddDays(1)).Firings);
    }

    [Fact]
    public async Task The_random_offset_stays_within_its_range_changes_by_date_and_is_the_same_for_another_instance()
    {
        var (h, _) = await WorkDaysAsync(JuneMonday);
        var mondays = Enumerable.Range(0, 12).Select(w => new DateOnly(2026, 1, 5).AddDays(7 * w)).ToList();
        TimeSpan DuskOffset(DateOnly date) =>
            DateTimeOffset.FromUnixTimeMilliseconds(h.Calendar.ScheduleFor(date).Firings.Single(f => f.TriggerIndex == 1).Utc) - Sun(h, date).Sunset!.Value;

        var offsets = mondays.Select(DuskOffset).ToList();
        Assert.All(offsets, o => Assert.InRange(o, TimeSpan.FromMinutes(-10), TimeSpan.FromMinutes(10)));
        Assert.True(offsets.Distinct().Count() > 5, "each date draws its own offset");

        await h.RestartAsync(TimeSpan.Zero); // a new service over the same settings draws the same offsets
        Assert.Equal(offsets, mondays.Select(DuskOffset));
        h.Dispose();
    }

    [Fact]
    public async Task A_time_in_the_spring_forward_gap_in_Paris_fires_at_3_and_a_repeated_time_in_autumn_at_its_first_occurrence()
    {
        var h = await StartAsync(Paris, new DateOnly(2026, 3, 1), new TimeOnly(12, 0));
        var group = await h.GroupAsync("Night");
        await h.EveryDayAsync(TimeAt(2, 30, group.Oid));

        var spring = h.Calendar.ScheduleFor(new DateOnly(2026, 3, 29)).Firings.Single();
        Assert.Equal("2026-03-29T03:00:00+02:00", spring.LocalTime);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), spring.Utc);

        var autumn = h.Calendar.ScheduleFor(new DateOnly(2026, 10, 25)).Firings.Single();
        Assert.Equal("2026-10-25T02:30:00+02:00", autumn.LocalTime);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), autumn.Utc);

        var ordinary = h.Calendar.ScheduleFor(new DateOnly(2026, 3, 30)).Firings.Single();
        Assert.Equal("2026-03-30T02:30:00+02:00", ordinary.LocalTime);
    }

    [Fact]
    public async Task A_time_in_the_spring_forward_gap_in_New_York_fires_at_3_and_a_repeated_time_in_autumn_at_its_first_occurrence()
    {
        var h = await StartAsync(NewYork, new DateOnly(2026, 3, 1), new TimeOnly(12, 0));
        var group = await h.GroupAsync("Night");
        await h.EveryDayAsync(TimeAt(2, 30, group.Oid), TimeAt(1, 30, group.Oid));

        var spring = h.Calendar.ScheduleFor(new DateOnly(2026, 3, 8)).Firings;
        Assert.Equal(["2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00"], spring.Select(f => f.LocalTime));

        var autumn = h.Calendar.ScheduleFor(new DateOnly(2026, 11, 1)).Firings;
        Assert.Equal(["2026-11-01T01:30:00-04:00", "2026-11-01T02:30:00-05:00"], autumn.Select(f => f.LocalTime));
    }

    [Fact]
    public async Task In_Tromso_dawn_and_dusk_triggers_are_skipped_in_the_midnight_sun_and_dawn_in_the_polar_night()
    {
        var h = await StartAsync(Tromso, new DateOnly(2026, 6, 1), new TimeOnly(12, 0));
        var group = await h.GroupAsync("Blinds");
        await h.EveryDayAsync(
            new TimeTrigger { TriggerType = TimeTriggerTypes.Dawn, ActionGroupOid = group.Oid },
            new TimeTrigger { TriggerType = TimeTriggerTypes.Dusk, AlwaysBeforeHours = 22, ActionGroupOid = group.Oid },
            TimeAt(12, 0, group.Oid));

        // Midnight sun: the sun neither sets nor rises; only the clock-time trigger fires (no fallback to a bound).
        var june = h.Calendar.ScheduleFor(new DateOnly(2026, 6, 21)).Firings;
        Assert.Equal([2], june.Select(f => f.TriggerIndex));

        // Polar night: no sunrise, no sunset.
        var december = h.Calendar.ScheduleFor(new DateOnly(2026, 12, 21)).Firings;
        Assert.Equal([2], december.Select(f => f.TriggerIndex));
        Assert.Equal("2026-12-21T12:00:00+01:00", december[0].LocalTime);

        // A date with both: all three.
        Assert.Equal(3, h.Calendar.ScheduleFor(new DateOnly(2026, 3, 21)).Firings.Count);
    }

    [Fact]
    public async Task A_final_higher_priority_rule_replaces_the_lower_ones_and_a_non_final_one_adds_to_them()
    {
        var h = await StartAsync(Paris, JuneMonday, new TimeOnly(0, 30));
        var group = await h.GroupAsync("G");
        var work = await h.Calendar.CreateDayAsync(Day("Work", TimeAt(7, 0, group.Oid)), default);
        var holiday = await h.Calendar.CreateDayAsync(Day("Holiday", TimeAt(9, 0, group.Oid)), default);
        var party = await h.Calendar.CreateDayAsync(Day("Party", TimeAt(23, 0, group.Oid)), default);
        await h.Calendar.CreateRulesAsync([Rule(work.Oid!, WeeklyCalendarRule.WorkDays, priority: 1)], default);
        var holidays = (await h.Calendar.CreateRulesAsync(
            [Rule(holiday.Oid!, WeeklyCalendarRule.EveryDay, priority: 10, final: true) with { StartYear = 2026, StartMonth = 8, StartDay = 1, EndYear = 2026, EndMonth = 8, EndDay = 15 }], default))[0];
        await h.Calendar.CreateRulesAsync([Rule(party.Oid!, WeeklyCalendarRule.MaskOf(DayOfWeek.Friday), priority: 5) with { StartMonth = 12, StartDay = 20, EndMonth = 1, EndDay = 5 }], default);

        Assert.Equal(["07:00"], Times(h, JuneMonday));
        Assert.Equal(["09:00"], Times(h, new DateOnly(2026, 8, 3)));           // a Monday in the holiday range
        Assert.Equal(["09:00"], Times(h, new DateOnly(2026, 8, 15)));          // its last day, a Saturday
        Assert.Equal(["07:00"], Times(h, new DateOnly(2026, 8, 17)));
        Assert.Equal(["07:00", "23:00"], Times(h, new DateOnly(2027, 1, 1)));  // a Friday in the yearly range over New Year
        Assert.Equal(["07:00"], Times(h, new DateOnly(2027, 1, 8)));
        Assert.Equal([holidays.Oid!], h.Calendar.ScheduleFor(new DateOnly(2026, 8, 3)).CalendarRules);

        var range = h.Calendar.ScheduleBetween(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31));
        Assert.Equal(31, range.Count);
        var firstOfAugust = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString();
        Assert.Equal(["09:00"], range[firstOfAugust].Firings.Select(f => $"{f.Hours:00}:{f.Minutes:00}"));
    }

    private static IReadOnlyList<string> Times(CalendarHarness h, DateOnly date) =>
        h.Calendar.ScheduleFor(date).Firings.Select(f => $"{f.Hours:00}:{f.Minutes:00}").ToList();
}
