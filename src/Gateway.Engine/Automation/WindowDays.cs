using Gateway.Core.Automation;

namespace Gateway.Engine.Automation;

/// <summary>
/// The local dates on which a daily window opens: the days of the week of <see cref="Weekdays"/> (bit n =
/// <see cref="DayOfWeek"/> n) and, for the annual kinds, the dates from <see cref="From"/> to <see cref="To"/>
/// inclusive (month × 100 + day; a range whose end comes before its start wraps over New Year; 29 February is a bound
/// that falls between 28 February and 1 March in other years).
/// </summary>
internal sealed record WindowDays(int Weekdays, int? From = null, int? To = null)
{
    public static readonly WindowDays Every = new(0x7F);

    public bool Includes(DateOnly date)
    {
        if ((Weekdays & (1 << (int)date.DayOfWeek)) == 0) return false;
        if (From is not { } from || To is not { } to) return true;
        var key = Key(date.Month, date.Day);
        return from <= to ? key >= from && key <= to : key >= from || key <= to;
    }

    /// <summary>weeklySchedule: startDay .. stopDay, 1 = Sunday … 7 = Saturday, wrapping over the week-end.</summary>
    public static WindowDays Weekly(ScheduleWindow window)
    {
        if (window.StartDay is not (>= 1 and <= 7) || window.StopDay is not (>= 1 and <= 7))
            throw WindowEdge.Bad("weeklySchedule needs startDay and stopDay within 1 (Sunday) .. 7 (Saturday)");
        var days = 0;
        for (var d = window.StartDay.Value - 1; ; d = (d + 1) % 7)
        {
            days |= 1 << d;
            if (d == window.StopDay.Value - 1) break;
        }
        return new WindowDays(days);
    }

    /// <summary>A dayMask (bit 0 = Monday … bit 6 = Sunday) as <see cref="DayOfWeek"/> bits; up to <paramref name="max"/>, bit 7 ignored.</summary>
    public static int Mask(string kind, int? dayMask, int max)
    {
        if (dayMask is not { } mask || mask < 1 || mask > max || (mask & 0x7F) == 0)
            throw WindowEdge.Bad($"{kind} needs a dayMask within 1 .. {max} with at least one weekday (bit 0 = Monday … bit 6 = Sunday)");
        var days = 0;
        for (var bit = 0; bit < 7; bit++)
            if ((mask & (1 << bit)) != 0) days |= 1 << ((bit + 1) % 7);
        return days;
    }

    /// <summary>annualSchedule, annualWeekHours: startDay/startMonth .. stopDay/stopMonth on the given weekdays.</summary>
    public static WindowDays Annual(string kind, ScheduleWindow window, int weekdays) =>
        new(weekdays, DayOfYear(kind, "start", window.StartMonth, window.StartDay), DayOfYear(kind, "stop", window.StopMonth, window.StopDay));

    private static int DayOfYear(string kind, string edge, int? month, int? day)
    {
        if (month is not (>= 1 and <= 12)) throw WindowEdge.Bad($"{kind} needs {edge}Month within 1 .. 12 (not {Show(month)})");
        var last = DateTime.DaysInMonth(2024, month.Value); // a leap year: 29 February is a valid bound
        if (day is not { } d || d < 1 || d > last) throw WindowEdge.Bad($"{kind} needs {edge}Day within 1 .. {last} for month {month} (not {Show(day)})");
        return Key(month.Value, d);
    }

    private static int Key(int month, int day) => month * 100 + day;

    internal static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing";
}
