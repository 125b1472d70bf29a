using System.Globalization;
using Gateway.Core.Calendars;

namespace Gateway.Engine.Calendars;

/// <summary>
/// The day view of a date: one calendar day holding every time trigger the rules give that date, in rule order
/// (highest priority first, stopping after a final rule), less what the filter leaves out. It is a view, not stored:
/// a client that wants it as an exception day posts it to /setup/calendar/days and adds a rule for the date.
/// </summary>
public static class CalendarDayView
{
    public static CalendarDay Build(CalendarService calendar, DateOnly date, DayViewFilter filter, long now)
    {
        var skipDays = (filter.CalendarDaysOid ?? []).ToHashSet(StringComparer.Ordinal);
        var skipRules = (filter.CalendarRulesOid ?? []).ToHashSet(StringComparer.Ordinal);
        var skipTriggers = (filter.TimeTriggersId ?? []).ToHashSet(StringComparer.Ordinal);
        var triggers = new List<DayTimeTrigger>();
        var seenDays = new HashSet<string>(StringComparer.Ordinal);
        string? type = null;
        var applying = calendar.Rules().Where(r => CalendarService.Applies(r, date))
            .OrderByDescending(r => r.Priority).ThenBy(r => r.CreationTime).ThenBy(r => r.Oid, StringComparer.Ordinal);
        foreach (var rule in applying)
        {
            if (skipRules.Contains(rule.Oid ?? "") || rule.Priority < (filter.Priority ?? int.MinValue)) continue;
            if (rule.CalendarDayOid is { } dayOid && !skipDays.Contains(dayOid) && seenDays.Add(dayOid) && calendar.FindDay(dayOid) is { } day)
            {
                type ??= day.Type;
                triggers.AddRange(day.Triggers.Where(t => t.Id is null || !skipTriggers.Contains(t.Id)).Select(t => new DayTimeTrigger(t)));
            }
            if (rule.FinalRule) break;
        }
        return new CalendarDay
        {
            CreationTime = now,
            LastUpdateTime = now,
            Label = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Type = type,
            DayTimeTriggers = triggers,
        };
    }
}
