using Gateway.Core.Automation;
using Gateway.Core.Errors;
using Gateway.Engine.Sun;

namespace Gateway.Engine.Automation;

/// <summary>
/// A compiled scheduling interval, asked whether a local wall-clock time of the home is inside it.
/// </summary>
/// <remarks>
/// <para>
/// A daily window (every kind but absoluteSchedule) opens, on each local date D its kind selects (see
/// <see cref="WindowDays"/>), at its start edge of D and closes at the first stop edge after it: the stop edge of D,
/// or, when that is not after the start (e.g. 22:00 to 06:00, or DUSK to DAWN), the stop edge of D + 1, so the window
/// runs past midnight and only the date it opens on is filtered. Each edge is computed from its own date (see
/// <see cref="WindowEdge"/>), including its always-after/always-before bounds.
/// </para>
/// <para>
/// On a date without the sunrise or sunset an edge needs (polar day: no sunset; polar night: no sunrise), or when the
/// home has no latitude/longitude, that edge does not exist and the window does not open on that date (as calendar
/// DAWN/DUSK triggers are skipped); when it runs past midnight, a missing stop edge of D + 1 keeps it closed on D too.
/// There is no fallback to the always-after/always-before bounds.
/// </para>
/// <para>
/// Edges are wall-clock times, compared with the wall-clock time given to <see cref="Contains"/>: a start inside the
/// spring-forward gap opens at the end of the gap; on the fall-back night the repeated hour is in or out of the window
/// both times. absoluteSchedule is one period from its start date and minute to its stop date and minute (TIME only).
/// </para>
/// <para>
/// <see cref="Contains"/> runs every second for every scheduled trigger, so the edges of the last
/// <see cref="CachedDates"/> dates are kept; they are recomputed every <see cref="CallsBeforeRefresh"/> lookups, so
/// a new home location reaches a running window within minutes.
/// </para>
/// </remarks>
public sealed class DayWindow
{
    private const int CachedDates = 8;
    private const int CallsBeforeRefresh = 3600;

    private static readonly (string Name, Func<SchedulingInterval, ScheduleWindow?> Get)[] Kinds =
    [
        ("weeklySchedule", i => i.WeeklySchedule),
        ("weekHours", i => i.WeekHours),
        ("dailySchedule", i => i.DailySchedule),
        ("weekDays", i => i.WeekDays),
        ("annualSchedule", i => i.AnnualSchedule),
        ("annualWeekHours", i => i.AnnualWeekHours),
        ("absoluteSchedule", i => i.AbsoluteSchedule),
    ];

    private readonly WindowDays _days;
    private readonly WindowEdge _start;
    private readonly WindowEdge _stop;
    private readonly (DateTime Start, DateTime Stop)? _absolute;
    private readonly Func<DateOnly, SunTimes?> _sunTimes;
    private readonly bool _needsSun;
    private readonly Dictionary<DateOnly, (DateTime? Start, DateTime? Stop)> _edges = [];
    private readonly Lock _gate = new();
    private int _calls;

    private DayWindow(WindowDays days, WindowEdge start, WindowEdge stop, (DateTime, DateTime)? absolute, Func<DateOnly, SunTimes?> sunTimes)
    {
        _days = days;
        _start = start;
        _stop = stop;
        _absolute = absolute;
        _sunTimes = sunTimes;
        _needsSun = start.NeedsSun || stop.NeedsSun;
    }

    /// <summary>Whether <paramref name="local"/>, a wall-clock time in the home's zone, is inside the window.</summary>
    public bool Contains(DateTime local)
    {
        if (_absolute is { } period) return local >= period.Start && local < period.Stop;
        // An edge lies within 12 hours of its date (offsets are at most 720 minutes) and a window closes at the
        // latest on the next date's stop edge: only the windows opening two days before to the day after can hold it.
        var today = DateOnly.FromDateTime(local);
        if (today.Year < 2 || today.Year > 9997) return false;
        if (_needsSun && Interlocked.Increment(ref _calls) >= CallsBeforeRefresh)
            lock (_gate)
            {
                _calls = 0;
                _edges.Clear();
            }
        for (var date = today.AddDays(-2); date <= today.AddDays(1); date = date.AddDays(1))
            if (_days.Includes(date) && Period(date) is { } open && local >= open.Start && local < open.Stop) return true;
        return false;
    }

    /// <summary>The period the window is open for from <paramref name="date"/>; null if it does not open that date.</summary>
    private (DateTime Start, DateTime Stop)? Period(DateOnly date)
    {
        var (start, stop) = Edges(date);
        if (start is not { } opens || stop is not { } closes) return null;
        if (closes > opens) return (opens, closes);
        return Edges(date.AddDays(1)).Stop is { } next && next > opens ? (opens, next) : null;
    }

    private (DateTime? Start, DateTime? Stop) Edges(DateOnly date)
    {
        if (!_needsSun) return (_start.On(date, null), _stop.On(date, null));
        lock (_gate)
        {
            if (_edges.TryGetValue(date, out var cached)) return cached;
            var sun = _sunTimes(date);
            var edges = (_start.On(date, sun), _stop.On(date, sun));
            if (_edges.Count >= CachedDates)
                _edges.Remove(_edges.Keys.MaxBy(d => Math.Abs(d.DayNumber - date.DayNumber)));
            _edges[date] = edges;
            return edges;
        }
    }

    /// <summary>Compiles one interval without sun times: DAWN and DUSK edges never exist (as for a home without coordinates).</summary>
    public static DayWindow? From(SchedulingInterval interval, bool strict) => From(interval, strict, _ => null);

    /// <summary>
    /// Compiles one interval. With <paramref name="strict"/> (a client's request) anything not run exactly is refused
    /// with a 400; without (a stored definition) such an interval gives null.
    /// </summary>
    /// <param name="sunTimes">The sunrise and sunset of a local date; null when the home has no coordinates.</param>
    public static DayWindow? From(SchedulingInterval interval, bool strict, Func<DateOnly, SunTimes?> sunTimes)
    {
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(sunTimes);
        try
        {
            return Compile(interval, sunTimes);
        }
        catch (OverkizException) when (!strict)
        {
            return null;
        }
    }

    private static DayWindow Compile(SchedulingInterval interval, Func<DateOnly, SunTimes?> sunTimes)
    {
        var present = Kinds.Where(k => k.Get(interval) is not null).ToList();
        if (present.Count != 1)
            throw WindowEdge.Bad($"a scheduling interval has exactly one of {string.Join(", ", Kinds.Select(k => k.Name))}");
        var name = present[0].Name;
        var window = present[0].Get(interval)!;
        if (window.StartMinutes is < 0 or > 1440 || window.StopMinutes is < 0 or > 1440)
            throw WindowEdge.Bad($"{name}: startMinutes and stopMinutes are minutes of the day, 0 .. 1440");
        if (window.StartAngle is not (null or 0) || window.StopAngle is not (null or 0))
            throw WindowEdge.Bad($"{name}: solar angles (startAngle, stopAngle) are not supported; use DAWN or DUSK with an offset");
        if (name == "absoluteSchedule") return Absolute(window, sunTimes);

        var start = WindowEdge.Parse(name, "start", window.StartType, window.StartMinutes, window.StartOffset, window.StartAlwaysAfter, window.StartAlwaysBefore);
        var stop = WindowEdge.Parse(name, "stop", window.StopType, window.StopMinutes, window.StopOffset, window.StopAlwaysAfter, window.StopAlwaysBefore);
        var days = name switch
        {
            "weeklySchedule" => WindowDays.Weekly(window),
            "weekHours" or "weekDays" => new WindowDays(WindowDays.Mask(name, window.DayMask, 127)),
            "annualSchedule" => WindowDays.Annual(name, window, 0x7F),
            "annualWeekHours" => WindowDays.Annual(name, window, WindowDays.Mask(name, window.DayMask, 255)),
            _ => WindowDays.Every,
        };
        return new DayWindow(days, start, stop, null, sunTimes);
    }

    private static DayWindow Absolute(ScheduleWindow window, Func<DateOnly, SunTimes?> sunTimes)
    {
        const string name = "absoluteSchedule";
        if (window.StartType is not (null or "TIME") || window.StopType is not (null or "TIME") || window.StartOffset is not (null or 0)
            || window.StopOffset is not (null or 0) || window.StartAlwaysAfter is not null || window.StartAlwaysBefore is not null
            || window.StopAlwaysAfter is not null || window.StopAlwaysBefore is not null)
            throw WindowEdge.Bad($"{name} runs from a date and minute to another: only TIME edges, without offsets or always-before/after bounds");
        var start = Date(name, "start", window.StartYear, window.StartMonth, window.StartDay).ToDateTime(TimeOnly.MinValue).AddMinutes(window.StartMinutes);
        var stop = Date(name, "stop", window.StopYear, window.StopMonth, window.StopDay).ToDateTime(TimeOnly.MinValue).AddMinutes(window.StopMinutes);
        if (stop <= start) throw WindowEdge.Bad($"{name}: the stop ({stop:yyyy-MM-dd HH:mm}) must be after the start ({start:yyyy-MM-dd HH:mm})");
        var time = new WindowEdge(EdgeKind.Time, 0, 0, null, null);
        return new DayWindow(WindowDays.Every, time, time, (start, stop), sunTimes);
    }

    private static DateOnly Date(string kind, string edge, int? year, int? month, int? day)
    {
        if (year is not (>= 2000 and <= 2100)) throw WindowEdge.Bad($"{kind} needs {edge}Year within 2000 .. 2100 (not {WindowDays.Show(year)})");
        if (month is not (>= 1 and <= 12)) throw WindowEdge.Bad($"{kind} needs {edge}Month within 1 .. 12 (not {WindowDays.Show(month)})");
        var last = DateTime.DaysInMonth(year.Value, month.Value);
        if (day is not { } d || d < 1 || d > last)
            throw WindowEdge.Bad($"{kind} needs {edge}Day within 1 .. {last} for {year.Value:D4}-{month.Value:D2} (not {WindowDays.Show(day)})");
        return new DateOnly(year.Value, month.Value, d);
    }
}
