using Gateway.Core.Automation;
using Gateway.Core.Errors;

namespace Gateway.Engine.Automation;

/// <summary>
/// A compiled scheduling interval: on the days of <see cref="Days"/> (bit n = <see cref="DayOfWeek"/> n), from
/// <see cref="StartMinute"/> to <see cref="StopMinute"/> local time; a window whose stop is not after its start runs
/// past midnight into the next day.
/// </summary>
internal sealed record DayWindow(int Days, int StartMinute, int StopMinute)
{
    public bool Contains(DateTime local)
    {
        var minute = local.Hour * 60 + local.Minute;
        var day = (int)local.DayOfWeek;
        if (StartMinute < StopMinute) return Has(day) && minute >= StartMinute && minute < StopMinute;
        return (Has(day) && minute >= StartMinute) || (Has((day + 6) % 7) && minute < StopMinute);
    }

    private bool Has(int day) => (Days & (1 << day)) != 0;

    /// <summary>Compiles one interval; with <paramref name="strict"/> anything not run exactly is refused.</summary>
    public static DayWindow? From(SchedulingInterval interval, bool strict)
    {
        var kinds = (interval.WeeklySchedule is null ? 0 : 1) + (interval.WeekHours is null ? 0 : 1) + (interval.DailySchedule is null ? 0 : 1);
        if (kinds != 1) return strict ? throw Bad("a scheduling interval has exactly one of weeklySchedule, weekHours, dailySchedule") : null;
        var window = interval.WeeklySchedule ?? interval.WeekHours ?? interval.DailySchedule!;
        if (strict) Check(window);
        int days;
        if (interval.WeeklySchedule is { } weekly)
        {
            // startDay/stopDay count 1 = Sunday … 7 = Saturday; a range may wrap over the week-end.
            if (weekly.StartDay is not (>= 1 and <= 7) || weekly.StopDay is not (>= 1 and <= 7))
                return strict ? throw Bad("weeklySchedule needs startDay and stopDay within 1 (Sunday) .. 7 (Saturday)") : null;
            days = 0;
            for (var d = weekly.StartDay.Value - 1; ; d = (d + 1) % 7)
            {
                days |= 1 << d;
                if (d == weekly.StopDay.Value - 1) break;
            }
        }
        else if (interval.WeekHours is { } weekHours)
        {
            // dayMask: bit 0 = Monday … bit 6 = Sunday.
            if (weekHours.DayMask is not (>= 1 and <= 127)) return strict ? throw Bad("weekHours needs a dayMask within 1 .. 127 (bit 0 = Monday)") : null;
            days = 0;
            for (var bit = 0; bit < 7; bit++)
                if ((weekHours.DayMask.Value & (1 << bit)) != 0) days |= 1 << ((bit + 1) % 7);
        }
        else days = 0x7F;
        return new DayWindow(days, window.StartMinutes, window.StopMinutes);
    }

    private static void Check(ScheduleWindow window)
    {
        if (window.StartMinutes is < 0 or > 1440 || window.StopMinutes is < 0 or > 1440) throw Bad("startMinutes and stopMinutes are minutes of the day, 0 .. 1440");
        if (window.StartType is { } start && start != "TIME" || window.StopType is { } stop && stop != "TIME")
            throw Bad("only TIME scheduling intervals are supported (not DAWN or DUSK)");
        if (window.StartAngle is not null || window.StopAngle is not null || window.StartOffset is not (null or 0) || window.StopOffset is not (null or 0)
            || window.StartAlwaysBefore is not null || window.StopAlwaysBefore is not null || window.StartAlwaysAfter is not null || window.StopAlwaysAfter is not null)
            throw Bad("solar angles, offsets and always-before/after bounds are not supported");
    }

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));
}
