using System.Text.Json;
using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Engine.Automation;
using Gateway.Engine.Sun;

namespace Gateway.Engine.Tests.Automation;

/// <summary>
/// Scheduling intervals compiled into <see cref="DayWindow"/>: TIME, DAWN and DUSK edges with their bounds, the
/// interval kinds, polar dates, DST days, and what strict validation refuses. Sun times are the real ones computed by
/// <see cref="SolarCalculator"/>, so the expectations are read from it, not hard-coded.
/// </summary>
public class SchedulingWindowTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeZoneInfo ParisZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo OsloZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static SunTimes? Paris(DateOnly date) => SolarCalculator.ForDate(date, 48.8566, 2.3522, ParisZone);

    private static SunTimes? Tromso(DateOnly date) => SolarCalculator.ForDate(date, 69.6492, 18.9553, OsloZone);

    private static DateTime Sunrise(string date) => Paris(DateOnly.Parse(date))!.Sunrise!.Value.DateTime;

    private static DateTime Sunset(string date) => Paris(DateOnly.Parse(date))!.Sunset!.Value.DateTime;

    private static DateTime At(string local) => DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);

    private static DayWindow Window(SchedulingInterval interval, Func<DateOnly, SunTimes?>? sun = null) =>
        DayWindow.From(interval, strict: true, sun ?? Paris)!;

    private static SchedulingInterval Daily(ScheduleWindow window) => new() { DailySchedule = window };

    [Theory]
    [InlineData("2026-06-21")]
    [InlineData("2026-12-21")]
    public void Dawn_plus_offset_to_dusk_follows_the_sun_of_each_date(string date)
    {
        var window = Window(Daily(new ScheduleWindow { StartType = "DAWN", StartOffset = 30, StopType = "DUSK" }));
        var opens = Sunrise(date).AddMinutes(30);
        var closes = Sunset(date);

        Assert.False(window.Contains(opens - Second));
        Assert.True(window.Contains(opens));
        Assert.True(window.Contains(closes - Second));
        Assert.False(window.Contains(closes));
        Assert.False(window.Contains(At(date + " 00:30")));
        Assert.False(window.Contains(At(date + " 23:30")));
    }

    [Fact]
    public void Dusk_to_dawn_runs_over_midnight_to_the_next_dates_dawn()
    {
        var window = Window(Daily(new ScheduleWindow { StartType = "DUSK", StopType = "DAWN" }));

        Assert.False(window.Contains(At("2026-06-21 12:00")));
        Assert.False(window.Contains(Sunset("2026-06-21") - Second));
        Assert.True(window.Contains(Sunset("2026-06-21")));
        Assert.True(window.Contains(At("2026-06-22 00:00")));
        Assert.True(window.Contains(Sunrise("2026-06-22") - Second));
        Assert.False(window.Contains(Sunrise("2026-06-22")));
    }

    [Fact]
    public void The_day_filter_applies_to_the_date_an_overnight_window_opens()
    {
        // Fridays only (bit 4), dusk to dawn: open Friday night into Saturday morning, not Saturday night.
        var window = Window(new SchedulingInterval { WeekDays = new ScheduleWindow { StartType = "DUSK", StopType = "DAWN", DayMask = 1 << 4 } });

        Assert.True(window.Contains(At("2026-06-20 03:00"))); // Saturday, opened Friday 2026-06-19
        Assert.False(window.Contains(At("2026-06-20 23:30"))); // Saturday night
        Assert.False(window.Contains(At("2026-06-19 03:00"))); // Friday morning: opened Thursday
        Assert.True(window.Contains(At("2026-06-19 23:30")));
    }

    [Fact]
    public void Always_after_and_always_before_hold_the_edges()
    {
        // June: sunrise ≈ 05:47, held to 07:00; sunset ≈ 21:58, held to 21:00.
        var window = Window(Daily(new ScheduleWindow
        {
            StartType = "DAWN", StartAlwaysAfter = "07:00", StopType = "DUSK", StopAlwaysBefore = "21:00",
        }));
        Assert.True(Sunrise("2026-06-21") < At("2026-06-21 07:00") && Sunset("2026-06-21") > At("2026-06-21 21:00"));
        Assert.False(window.Contains(At("2026-06-21 06:59:59")));
        Assert.True(window.Contains(At("2026-06-21 07:00")));
        Assert.True(window.Contains(At("2026-06-21 20:59:59")));
        Assert.False(window.Contains(At("2026-06-21 21:00")));

        // December: sunrise ≈ 08:41 is after 07:00 and sunset ≈ 16:56 before 21:00, so the sun rules.
        Assert.False(window.Contains(Sunrise("2026-12-21") - Second));
        Assert.True(window.Contains(Sunrise("2026-12-21")));
        Assert.False(window.Contains(Sunset("2026-12-21")));

        // A late dawn held no later than 08:00 (December sunrise ≈ 08:41).
        var early = Window(Daily(new ScheduleWindow { StartType = "DAWN", StartAlwaysBefore = "08:00", StopMinutes = 720 }));
        Assert.False(early.Contains(At("2026-12-21 07:59")));
        Assert.True(early.Contains(At("2026-12-21 08:00")));
    }

    [Fact]
    public void Tromso_in_june_has_no_dusk_and_in_december_no_dawn_so_windows_needing_them_stay_closed()
    {
        Assert.Null(Tromso(new DateOnly(2026, 6, 21))!.Sunset);
        Assert.Null(Tromso(new DateOnly(2026, 12, 21))!.Sunrise);
        var toDusk = Window(Daily(new ScheduleWindow { StartMinutes = 600, StopType = "DUSK" }), Tromso);
        var fromDawn = Window(Daily(new ScheduleWindow { StartType = "DAWN", StopMinutes = 1200 }), Tromso);
        var plain = Window(Daily(new ScheduleWindow { StartMinutes = 600, StopMinutes = 1200 }), Tromso);

        foreach (var hour in new[] { 0, 6, 11, 15, 19, 23 })
        {
            Assert.False(toDusk.Contains(new DateTime(2026, 6, 21, hour, 0, 0)));
            Assert.False(fromDawn.Contains(new DateTime(2026, 12, 21, hour, 0, 0)));
        }
        Assert.True(plain.Contains(At("2026-06-21 15:00")));
        Assert.True(plain.Contains(At("2026-12-21 15:00")));
    }

    [Fact]
    public void Without_coordinates_sun_edges_do_not_exist()
    {
        var interval = Daily(new ScheduleWindow { StartType = "DAWN", StopMinutes = 1200 });
        var noSun = DayWindow.From(interval, strict: true, _ => null)!;
        var twoArguments = DayWindow.From(interval, strict: true)!;

        Assert.False(noSun.Contains(At("2026-06-21 12:00")));
        Assert.False(twoArguments.Contains(At("2026-06-21 12:00")));
        Assert.True(Window(interval).Contains(At("2026-06-21 12:00")));
    }

    [Theory]
    [InlineData("2026-03-28", "2026-03-29", "2026-03-30")] // spring forward at 02:00 on the 29th
    [InlineData("2026-10-24", "2026-10-25", "2026-10-26")] // fall back at 03:00 on the 25th
    public void Dst_days_use_that_dates_wall_clock_sun_times(string before, string day, string after)
    {
        var dayWindow = Window(Daily(new ScheduleWindow { StartType = "DAWN", StopType = "DUSK" }));
        Assert.False(dayWindow.Contains(Sunrise(day) - Second));
        Assert.True(dayWindow.Contains(Sunrise(day)));
        Assert.True(dayWindow.Contains(Sunset(day) - Second));
        Assert.False(dayWindow.Contains(Sunset(day)));

        var night = Window(Daily(new ScheduleWindow { StartType = "DUSK", StopType = "DAWN" }));
        Assert.True(night.Contains(At(day + " 02:30")));
        Assert.True(night.Contains(Sunrise(day) - Second));
        Assert.False(night.Contains(Sunrise(day)));
        Assert.True(night.Contains(Sunset(day)));
        Assert.True(night.Contains(Sunrise(after) - Second));
        Assert.True(night.Contains(Sunset(before)));
    }

    [Fact]
    public void Time_edges_are_wall_clock_across_dst_changes()
    {
        var window = Window(Daily(new ScheduleWindow { StartMinutes = 150, StopMinutes = 240 })); // 02:30 .. 04:00

        // 2026-03-29: 02:00 jumps to 03:00, so the window opens at the end of the gap.
        Assert.False(window.Contains(At("2026-03-29 01:59:59")));
        Assert.True(window.Contains(At("2026-03-29 03:00")));
        // 2026-10-25: 02:30 happens twice, in the window both times (the wall clock cannot tell them apart).
        Assert.True(window.Contains(At("2026-10-25 02:30")));
        Assert.False(window.Contains(At("2026-10-25 04:00")));
    }

    [Fact]
    public void Annual_schedule_wraps_over_new_year_and_overnight_windows_leave_its_last_date()
    {
        var window = Window(new SchedulingInterval
        {
            AnnualSchedule = new ScheduleWindow { StartMinutes = 1320, StopMinutes = 360, StartDay = 15, StartMonth = 12, StopDay = 15, StopMonth = 1 },
        });

        Assert.False(window.Contains(At("2026-12-14 23:00")));
        Assert.False(window.Contains(At("2026-12-15 05:00"))); // opened on the 14th, outside the range
        Assert.True(window.Contains(At("2026-12-15 23:00")));
        Assert.True(window.Contains(At("2027-01-01 02:00")));
        Assert.True(window.Contains(At("2027-01-15 23:00")));
        Assert.True(window.Contains(At("2027-01-16 05:59"))); // opened on the 15th
        Assert.False(window.Contains(At("2027-01-16 23:00")));
        Assert.False(window.Contains(At("2026-06-01 23:00")));
        Assert.False(window.Contains(At("2027-01-01 12:00")));
    }

    [Fact]
    public void Annual_schedule_bounds_are_inclusive_and_february_29_is_a_valid_bound()
    {
        var window = Window(new SchedulingInterval
        {
            AnnualSchedule = new ScheduleWindow { StartMinutes = 0, StopMinutes = 1440, StartDay = 29, StartMonth = 2, StopDay = 31, StopMonth = 3 },
        });

        Assert.False(window.Contains(At("2026-02-28 12:00")));
        Assert.True(window.Contains(At("2026-03-01 00:00")));
        Assert.True(window.Contains(At("2028-02-29 12:00")));
        Assert.True(window.Contains(At("2026-03-31 23:59")));
        Assert.False(window.Contains(At("2026-04-01 00:00")));
    }

    [Fact]
    public void Annual_week_hours_takes_both_the_date_range_and_the_day_mask()
    {
        var everyDay = Window(new SchedulingInterval
        {
            AnnualWeekHours = new ScheduleWindow { StartMinutes = 540, StopMinutes = 1020, DayMask = 255, StartDay = 1, StartMonth = 6, StopDay = 31, StopMonth = 8 },
        });
        Assert.True(everyDay.Contains(At("2026-06-06 12:00"))); // Saturday
        Assert.True(everyDay.Contains(At("2026-06-07 12:00"))); // Sunday
        Assert.True(everyDay.Contains(At("2026-08-31 16:59")));
        Assert.False(everyDay.Contains(At("2026-09-01 12:00")));
        Assert.False(everyDay.Contains(At("2026-05-31 12:00")));
        Assert.False(everyDay.Contains(At("2026-06-06 08:59")));

        var weekdays = Window(new SchedulingInterval
        {
            AnnualWeekHours = new ScheduleWindow { StartMinutes = 540, StopMinutes = 1020, DayMask = 128 | 31, StartDay = 1, StartMonth = 6, StopDay = 31, StopMonth = 8 },
        });
        Assert.True(weekdays.Contains(At("2026-06-05 12:00"))); // Friday
        Assert.False(weekdays.Contains(At("2026-06-06 12:00"))); // Saturday
        Assert.False(weekdays.Contains(At("2026-09-07 12:00"))); // a Monday out of the range
    }

    [Fact]
    public void Week_days_is_read_like_week_hours()
    {
        var window = Window(new SchedulingInterval { WeekDays = new ScheduleWindow { StartMinutes = 480, StopMinutes = 1080, DayMask = 31 } });

        Assert.True(window.Contains(At("2026-06-01 12:00"))); // Monday
        Assert.True(window.Contains(At("2026-06-05 17:59"))); // Friday
        Assert.False(window.Contains(At("2026-06-06 12:00"))); // Saturday
        Assert.False(window.Contains(At("2026-06-01 18:00")));
    }

    [Fact]
    public void Absolute_schedule_is_one_period_across_days()
    {
        var window = Window(new SchedulingInterval
        {
            AbsoluteSchedule = new ScheduleWindow
            {
                StartMinutes = 1320, StartDay = 1, StartMonth = 6, StartYear = 2026,
                StopMinutes = 360, StopDay = 3, StopMonth = 6, StopYear = 2026,
            },
        });

        Assert.False(window.Contains(At("2026-06-01 21:59:59")));
        Assert.True(window.Contains(At("2026-06-01 22:00")));
        Assert.True(window.Contains(At("2026-06-02 12:00")));
        Assert.True(window.Contains(At("2026-06-03 05:59:59")));
        Assert.False(window.Contains(At("2026-06-03 06:00")));
        Assert.False(window.Contains(At("2027-06-02 12:00")));
    }

    [Fact]
    public void Sun_times_are_computed_once_per_date_not_on_every_lookup()
    {
        var calls = new Dictionary<DateOnly, int>();
        var window = Window(Daily(new ScheduleWindow { StartType = "DUSK", StopType = "DAWN" }), date =>
        {
            calls[date] = calls.GetValueOrDefault(date) + 1;
            return Paris(date);
        });

        var open = 0;
        for (var t = At("2026-06-21 00:00"); t < At("2026-06-23 00:00"); t = t.AddMinutes(1))
            if (window.Contains(t)) open++;

        Assert.InRange(open, 900, 980); // minutes: 00:00–05:47 and 21:58–24:00 on both dates
        Assert.All(calls.Values, count => Assert.Equal(1, count));
        Assert.InRange(calls.Count, 5, 8);
    }

    [Fact]
    public void Solar_angle_zero_is_accepted()
    {
        Assert.NotNull(DayWindow.From(Daily(new ScheduleWindow { StartType = "DAWN", StartAngle = 0, StopAngle = 0, StopMinutes = 720 }), strict: true, Paris));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { """{"dailySchedule":{"startMinutes":0,"stopMinutes":60,"startType":"DAWN","startAngle":-6}}""", "solar angles" },
        { """{"dailySchedule":{"startMinutes":0,"stopMinutes":60,"startType":"SUNRISE"}}""", "dailySchedule: startType must be TIME, DAWN or DUSK (not SUNRISE)" },
        { """{"dailySchedule":{"startMinutes":0,"stopMinutes":60,"stopType":"dusk"}}""", "stopType must be TIME, DAWN or DUSK" },
        { """{"dailySchedule":{"startMinutes":0,"stopMinutes":1441}}""", "0 .. 1440" },
        { """{"dailySchedule":{"startMinutes":0,"stopMinutes":60,"startType":"DAWN","startOffset":721}}""", "startOffset must be within -720 .. 720" },
        { """{"dailySchedule":{"startMinutes":0,"stopMinutes":60,"stopType":"DUSK","stopAlwaysBefore":"7h50"}}""", "stopAlwaysBefore must be a local time HH:mm" },
        { """{"dailySchedule":{"startMinutes":0,"stopMinutes":60,"startType":"DAWN","startAlwaysAfter":"09:00","startAlwaysBefore":"08:00"}}""", "startAlwaysAfter (09:00) is later than startAlwaysBefore (08:00)" },
        { """{"annualSchedule":{"startMinutes":0,"stopMinutes":60,"startDay":1,"startMonth":13,"stopDay":1,"stopMonth":2}}""", "annualSchedule needs startMonth within 1 .. 12 (not 13)" },
        { """{"annualSchedule":{"startMinutes":0,"stopMinutes":60,"startDay":1,"startMonth":1,"stopDay":30,"stopMonth":2}}""", "stopDay within 1 .. 29 for month 2 (not 30)" },
        { """{"annualSchedule":{"startMinutes":0,"stopMinutes":60,"startDay":1,"startMonth":1}}""", "stopMonth" },
        { """{"annualWeekHours":{"startMinutes":0,"stopMinutes":60,"dayMask":128,"startDay":1,"startMonth":1,"stopDay":1,"stopMonth":2}}""", "annualWeekHours needs a dayMask within 1 .. 255 with at least one weekday" },
        { """{"annualWeekHours":{"startMinutes":0,"stopMinutes":60,"dayMask":256,"startDay":1,"startMonth":1,"stopDay":1,"stopMonth":2}}""", "dayMask" },
        { """{"weekDays":{"startMinutes":0,"stopMinutes":60,"dayMask":0}}""", "weekDays needs a dayMask within 1 .. 127" },
        { """{"weekHours":{"startMinutes":0,"stopMinutes":60,"dayMask":255}}""", "weekHours needs a dayMask within 1 .. 127" },
        { """{"absoluteSchedule":{"startMinutes":600,"startDay":2,"startMonth":6,"startYear":2026,"stopMinutes":600,"stopDay":1,"stopMonth":6,"stopYear":2026}}""",
            "absoluteSchedule: the stop (2026-06-01 10:00) must be after the start (2026-06-02 10:00)" },
        { """{"absoluteSchedule":{"startMinutes":600,"startDay":1,"startMonth":6,"startYear":2026,"stopMinutes":600,"stopDay":1,"stopMonth":6,"stopYear":2026}}""", "must be after the start" },
        { """{"absoluteSchedule":{"startMinutes":0,"startDay":1,"startMonth":1,"startYear":1999,"stopMinutes":0,"stopDay":1,"stopMonth":1,"stopYear":2026}}""", "startYear within 2000 .. 2100 (not 1999)" },
        { """{"absoluteSchedule":{"startMinutes":0,"startDay":29,"startMonth":2,"startYear":2026,"stopMinutes":0,"stopDay":1,"stopMonth":3,"stopYear":2026}}""", "startDay within 1 .. 28 for 2026-02 (not 29)" },
        { """{"absoluteSchedule":{"startMinutes":0,"startDay":1,"startMonth":1,"startYear":2026,"stopMinutes":0,"stopDay":1,"stopMonth":2,"stopYear":2026,"startType":"DAWN"}}""", "only TIME edges" },
        { """{"weeklySchedule":{"startMinutes":0,"stopMinutes":60,"startDay":0,"stopDay":6}}""", "startDay" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Strict_compilation_refuses_with_a_clear_400_and_lenient_compilation_gives_nothing(string json, string message)
    {
        var interval = JsonSerializer.Deserialize(json, AutomationJsonContext.Default.SchedulingInterval)!;

        var error = Assert.Throws<OverkizException>(() => DayWindow.From(interval, strict: true, Paris));

        Assert.Equal(400, error.Error.Status);
        Assert.Contains(message, error.Error.Error);
        Assert.Null(DayWindow.From(interval, strict: false, Paris));
    }

    [Fact]
    public void An_interval_with_no_kind_or_two_kinds_is_refused()
    {
        var none = new SchedulingInterval();
        var two = new SchedulingInterval { DailySchedule = new ScheduleWindow(), WeekDays = new ScheduleWindow { DayMask = 1 } };

        Assert.Contains("exactly one of", Assert.Throws<OverkizException>(() => DayWindow.From(none, true, Paris)).Error.Error);
        Assert.Contains("absoluteSchedule", Assert.Throws<OverkizException>(() => DayWindow.From(two, true, Paris)).Error.Error);
        Assert.Null(DayWindow.From(two, false, Paris));
    }

    [Fact]
    public void Day_type_intervals_are_refused_by_name_when_a_trigger_is_read()
    {
        using var document = JsonDocument.Parse("""{"ifThenSetupTrigger":{"label":"x","schedulingIntervals":[{"dayType":{"dayType":"WORKING","mask":1}}]}}""");

        var error = Assert.Throws<OverkizException>(() => AutomationRequestReader.ReadTrigger(document.RootElement));

        Assert.Equal(400, error.Error.Status);
        Assert.Contains("scheduling interval dayType is not supported", error.Error.Error);
    }

    [Fact]
    public void New_interval_kinds_and_members_are_read_from_a_trigger_body()
    {
        using var document = JsonDocument.Parse("""
            {"ifThenSetupTrigger":{"label":"x","schedulingIntervals":[
              {"annualWeekHours":{"startMinutes":0,"stopMinutes":0,"startType":"DAWN","startOffset":-15,"stopType":"DUSK","stopOffset":20,
                "startAngle":0,"stopAngle":0,"startAlwaysBefore":"07:50","startAlwaysAfter":"06:00","dayMask":255,"startDay":1,"startMonth":6,"stopDay":31,"stopMonth":8}},
              {"weekDays":{"startMinutes":480,"stopMinutes":1080,"dayMask":31}},
              {"absoluteSchedule":{"startMinutes":600,"startDay":1,"startMonth":6,"startYear":2026,"stopMinutes":600,"stopDay":2,"stopMonth":6,"stopYear":2026}}]}}
            """);

        var trigger = AutomationRequestReader.ReadTrigger(document.RootElement);
        var intervals = trigger.SchedulingIntervals!;

        Assert.Equal(3, intervals.Count);
        Assert.Equal(8, intervals[0].AnnualWeekHours!.StopMonth);
        Assert.Equal(31, intervals[1].WeekDays!.DayMask);
        Assert.Equal(2026, intervals[2].AbsoluteSchedule!.StopYear);
        var summer = DayWindow.From(intervals[0], strict: true, Paris)!;
        // 2026-06-21: sunrise ≈ 05:47 − 15 min, held no earlier than 06:00; sunset ≈ 21:58 + 20 min.
        Assert.False(summer.Contains(At("2026-06-21 05:59")));
        Assert.True(summer.Contains(At("2026-06-21 06:00")));
        Assert.True(summer.Contains(Sunset("2026-06-21").AddMinutes(20) - Second));
        Assert.False(summer.Contains(Sunset("2026-06-21").AddMinutes(20)));
        Assert.All(intervals, i => Assert.NotNull(DayWindow.From(i, strict: true, Paris)));
    }
}
