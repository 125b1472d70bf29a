using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Gateway.Core.Calendars;
using Gateway.Core.Errors;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Gateway.Engine.ActionGroups;
using Gateway.Engine.Location;
using Gateway.Engine.Sun;

namespace Gateway.Engine.Calendars;

/// <summary>
/// The calendar: named days of triggers, weekly rules saying which day applies when, the on/off status, and the
/// resolved schedule of any date (what the preview shows and what <see cref="CalendarRunner"/> fires). Also keeps,
/// per trigger, the last local date handled, so a firing happens at most once per date across restarts and clock jumps.
/// </summary>
/// <remarks>
/// Rules applying to a date are taken by descending priority (then creation time); each adds its day's triggers
/// (a day brought by two rules counts once), and a final rule stops the rules below it — so a high-priority final
/// "holiday" rule replaces the "work days" rule, while a non-final one adds to it.
/// </remarks>
public sealed class CalendarService(
    CalendarStore store,
    ActionGroupService actionGroups,
    LocationService location,
    IEventBus bus,
    SetupIdentity identity,
    TimeProvider time)
{
    public const int MaxDays = 100;
    public const int MaxRules = 200;
    public const int MaxTriggersPerDay = 50;
    public const int MaxScheduleDays = 366;

    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly ConcurrentDictionary<DateOnly, (ScheduleStamp Stamp, CalendarSchedule Schedule)> _cache = new();
    private ImmutableDictionary<string, CalendarDay> _days = ImmutableDictionary.Create<string, CalendarDay>(StringComparer.Ordinal);
    private ImmutableDictionary<string, WeeklyCalendarRule> _rules = ImmutableDictionary.Create<string, WeeklyCalendarRule>(StringComparer.Ordinal);
    private ImmutableDictionary<string, DateOnly> _handled = ImmutableDictionary.Create<string, DateOnly>(StringComparer.Ordinal);
    private CalendarStatus _status = new(true);
    private int _version;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _days = (await store.LoadDaysAsync(cancellationToken)).Where(d => d.Oid is not null).ToImmutableDictionary(d => d.Oid!, StringComparer.Ordinal);
        _rules = (await store.LoadRulesAsync(cancellationToken)).Where(r => r.Oid is not null).ToImmutableDictionary(r => r.Oid!, StringComparer.Ordinal);
        _status = await store.LoadStatusAsync(cancellationToken);
        _handled = (await store.LoadHandledAsync(cancellationToken)).ToImmutableDictionary(StringComparer.Ordinal);
        Interlocked.Increment(ref _version);
    }

    /// <summary>Changes whenever something a schedule depends on changes (days, rules, status, the home's location).</summary>
    public ScheduleStamp Stamp => new(Volatile.Read(ref _version), location.Current);

    public CalendarStatus Status => _status;

    // ---- days ----

    public IReadOnlyList<CalendarDay> Days() => _days.Values.OrderBy(d => d.CreationTime).ThenBy(d => d.Oid, StringComparer.Ordinal).ToList();

    public CalendarDay? FindDay(string oid) => _days.GetValueOrDefault(oid);

    public async Task<CalendarDay> CreateDayAsync(CalendarDay draft, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            ValidateDay(draft);
            if (_days.Count >= MaxDays) throw new OverkizException(OverkizError.BadParameters($"at most {MaxDays} calendar days"));
            var now = Now();
            var day = Normalize(draft, Guid.NewGuid().ToString(), now, now, previous: null);
            await CommitDaysAsync(_days.SetItem(day.Oid!, day), cancellationToken);
            bus.Publish(CalendarDayEvent.Of(now, identity.SetupOid, day, "Created"));
            return day;
        }
        finally
        {
            _write.Release();
        }
    }

    public async Task<CalendarDay> UpdateDayAsync(CalendarDay draft, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            var existing = (draft.Oid is null ? null : FindDay(draft.Oid)) ?? throw new OverkizException(OverkizError.UnknownObject());
            ValidateDay(draft);
            var day = Normalize(draft, existing.Oid!, existing.CreationTime, Now(), existing);

            // A trigger changed (or gone) may fire again today at its new time; an unchanged one keeps its record.
            var handled = _handled;
            var before = existing.Triggers;
            var after = day.Triggers;
            for (var i = 0; i < before.Count; i++)
                if (i >= after.Count || before[i] with { Id = null } != after[i] with { Id = null }) handled = handled.Remove($"{day.Oid}:{i}");
            if (handled != _handled) await CommitHandledAsync(handled, cancellationToken);

            await CommitDaysAsync(_days.SetItem(day.Oid!, day), cancellationToken);
            bus.Publish(CalendarDayEvent.Of(day.LastUpdateTime, identity.SetupOid, day, "Updated"));
            return day;
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Deletes a day no rule refers to (a rule would be left pointing at nothing).</summary>
    public async Task DeleteDayAsync(string oid, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            if (!_days.ContainsKey(oid)) throw new OverkizException(OverkizError.UnknownObject());
            if (_rules.Values.FirstOrDefault(r => r.CalendarDayOid == oid) is { } user)
                throw new OverkizException(OverkizError.BadParameters($"calendar day {oid} is used by calendar rule {user.Oid}"));
            await CommitDaysAsync(_days.Remove(oid), cancellationToken);
            var handled = _handled.RemoveRange(_handled.Keys.Where(k => k.StartsWith(oid + ":", StringComparison.Ordinal)));
            if (handled != _handled) await CommitHandledAsync(handled, cancellationToken);
            bus.Publish(CalendarDayEvent.Deleted(Now(), identity.SetupOid, oid));
        }
        finally
        {
            _write.Release();
        }
    }

    // ---- rules ----

    public IReadOnlyList<WeeklyCalendarRule> Rules() => _rules.Values.OrderBy(r => r.CreationTime).ThenBy(r => r.Oid, StringComparer.Ordinal).ToList();

    public WeeklyCalendarRule? FindRule(string oid) => _rules.GetValueOrDefault(oid);

    /// <summary>Creates rules all or none (POST /rules is a set of one).</summary>
    public async Task<IReadOnlyList<WeeklyCalendarRule>> CreateRulesAsync(IReadOnlyList<WeeklyCalendarRule> drafts, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            if (drafts.Count == 0) throw new OverkizException(OverkizError.BadParameters("no calendar rule given"));
            foreach (var draft in drafts) ValidateRule(draft);
            if (_rules.Count + drafts.Count > MaxRules) throw new OverkizException(OverkizError.BadParameters($"at most {MaxRules} calendar rules"));
            var now = Now();
            var created = drafts.Select(d => d with { Oid = Guid.NewGuid().ToString(), CreationTime = now, LastUpdateTime = now }).ToList();
            await CommitRulesAsync(_rules.SetItems(created.Select(r => KeyValuePair.Create(r.Oid!, r))), cancellationToken);
            foreach (var rule in created) bus.Publish(CalendarRuleEvent.Of(now, identity.SetupOid, rule, "Created"));
            return created;
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Updates rules (each names its oid) all or none.</summary>
    public async Task<IReadOnlyList<WeeklyCalendarRule>> UpdateRulesAsync(IReadOnlyList<WeeklyCalendarRule> drafts, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            if (drafts.Count == 0) throw new OverkizException(OverkizError.BadParameters("no calendar rule given"));
            var now = Now();
            var updated = new List<WeeklyCalendarRule>();
            foreach (var draft in drafts)
            {
                var existing = (draft.Oid is null ? null : FindRule(draft.Oid)) ?? throw new OverkizException(OverkizError.UnknownObject());
                ValidateRule(draft);
                updated.Add(draft with { CreationTime = existing.CreationTime, LastUpdateTime = now });
            }
            await CommitRulesAsync(_rules.SetItems(updated.Select(r => KeyValuePair.Create(r.Oid!, r))), cancellationToken);
            foreach (var rule in updated) bus.Publish(CalendarRuleEvent.Of(now, identity.SetupOid, rule, "Updated"));
            return updated;
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Deletes rules all or none: an unknown oid refuses the whole set.</summary>
    public async Task DeleteRulesAsync(IReadOnlyList<string> oids, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            if (oids.Count == 0 || oids.Any(o => !_rules.ContainsKey(o))) throw new OverkizException(OverkizError.UnknownObject());
            await CommitRulesAsync(_rules.RemoveRange(oids), cancellationToken);
            var now = Now();
            foreach (var oid in oids.Distinct(StringComparer.Ordinal)) bus.Publish(CalendarRuleEvent.Deleted(now, identity.SetupOid, oid));
        }
        finally
        {
            _write.Release();
        }
    }

    // ---- status ----

    public async Task SetStatusAsync(bool enabled, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            var status = new CalendarStatus(enabled);
            await store.SaveStatusAsync(status, cancellationToken);
            _status = status;
            Interlocked.Increment(ref _version);
        }
        finally
        {
            _write.Release();
        }
    }

    // ---- schedule ----

    /// <summary>The home's time zone (UTC if the location names an unknown one).</summary>
    public TimeZoneInfo Zone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(location.Current.Timezone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The local date of an instant in the home's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => LocalTimes.DateOf(instant, Zone());

    /// <summary>The days and rules applying on a local date, and its firings in time order (whatever the status).</summary>
    public CalendarSchedule ScheduleFor(DateOnly date)
    {
        var stamp = Stamp;
        if (_cache.TryGetValue(date, out var cached) && cached.Stamp == stamp) return cached.Schedule;
        var schedule = Compute(date);
        if (_cache.Count > 400) _cache.Clear();
        _cache[date] = (stamp, schedule);
        return schedule;
    }

    /// <summary>The schedules of the dates from <paramref name="first"/> to <paramref name="last"/>, keyed by each date's 00:00 UTC in milliseconds.</summary>
    public IReadOnlyDictionary<string, CalendarSchedule> ScheduleBetween(DateOnly first, DateOnly last)
    {
        if (last < first || last.DayNumber - first.DayNumber >= MaxScheduleDays)
            throw new OverkizException(OverkizError.BadParameters($"the end date must be on or after the start date, at most {MaxScheduleDays} days in all"));
        var result = new Dictionary<string, CalendarSchedule>(StringComparer.Ordinal);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var key = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
            result[key.ToString(CultureInfo.InvariantCulture)] = ScheduleFor(date);
        }
        return result;
    }

    private CalendarSchedule Compute(DateOnly date)
    {
        var zone = Zone();
        var current = location.Current;
        SunTimes? sunTimes = null;
        var sunComputed = false;
        SunTimes? Sun()
        {
            if (!sunComputed)
            {
                sunComputed = true;
                if (current is { Latitude: { } latitude, Longitude: { } longitude }) sunTimes = SolarCalculator.ForDate(date, latitude, longitude, zone);
            }
            return sunTimes;
        }

        var days = _days;
        var ruleOids = new List<string>();
        var dayOids = new List<string>();
        var firings = new List<CalendarFiring>();
        var applying = _rules.Values.Where(r => Applies(r, date))
            .OrderByDescending(r => r.Priority).ThenBy(r => r.CreationTime).ThenBy(r => r.Oid, StringComparer.Ordinal);
        foreach (var rule in applying)
        {
            ruleOids.Add(rule.Oid!);
            if (rule.CalendarDayOid is { } dayOid && days.TryGetValue(dayOid, out var day) && !dayOids.Contains(dayOid))
            {
                dayOids.Add(dayOid);
                var triggers = day.Triggers;
                for (var index = 0; index < triggers.Count; index++)
                {
                    var trigger = triggers[index];
                    if (!trigger.Enabled || (trigger.ActionGroupOid is null && !ManagedActionGroups.IsPresent(trigger.LocalActionGroup))) continue;
                    if (TriggerResolver.Resolve(trigger, dayOid, index, date, zone, Sun) is not { } at) continue;
                    firings.Add(new CalendarFiring
                    {
                        Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CalendarRuleOid = rule.Oid!, CalendarDayOid = dayOid,
                        TriggerIndex = index, TriggerId = trigger.Id, TriggerType = trigger.TriggerType!, ActionGroupOid = trigger.ActionGroupOid ?? "",
                        LocalActionGroup = ManagedActionGroups.IsPresent(trigger.LocalActionGroup) ? trigger.LocalActionGroup : null,
                        Utc = at.ToUnixTimeMilliseconds(), Hours = at.Hour, Minutes = at.Minute,
                        LocalTime = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    });
                }
            }
            if (rule.FinalRule) break;
        }
        return new CalendarSchedule(dayOids, ruleOids, firings.OrderBy(f => f.Utc).ThenBy(f => f.Key, StringComparer.Ordinal).ToList());
    }

    internal static bool Applies(WeeklyCalendarRule rule, DateOnly date)
    {
        if (!rule.Enabled || (rule.DayMask & WeeklyCalendarRule.MaskOf(date.DayOfWeek)) == 0) return false;
        var hasStart = rule.StartMonth is > 0 && rule.StartDay is > 0;
        var hasEnd = rule.EndMonth is > 0 && rule.EndDay is > 0;
        if (!hasStart && !hasEnd) return true;
        if (IsAbsolute(rule))
        {
            if (hasStart && date < new DateOnly(rule.StartYear!.Value, rule.StartMonth!.Value, rule.StartDay!.Value)) return false;
            return !hasEnd || date <= new DateOnly(rule.EndYear!.Value, rule.EndMonth!.Value, rule.EndDay!.Value);
        }
        var day = (date.Month * 100) + date.Day;
        var from = hasStart ? (rule.StartMonth!.Value * 100) + rule.StartDay!.Value : 101;
        var to = hasEnd ? (rule.EndMonth!.Value * 100) + rule.EndDay!.Value : 1231;
        return from <= to ? day >= from && day <= to : day >= from || day <= to; // a range over New Year wraps
    }

    private static bool IsAbsolute(WeeklyCalendarRule rule) => rule.StartYear is > 0 || rule.EndYear is > 0;

    // ---- what a firing has done ----

    /// <summary>Whether the trigger's firing for <paramref name="date"/> (or a later date) was already run or given up.</summary>
    public bool IsHandled(string key, DateOnly date) => _handled.TryGetValue(key, out var last) && last >= date;

    /// <summary>Records, durably, that the trigger's firing for <paramref name="date"/> is done (before it runs: at most once).</summary>
    public async Task MarkHandledAsync(string key, DateOnly date, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            if (_handled.TryGetValue(key, out var last) && last >= date) return;
            await CommitHandledAsync(_handled.SetItem(key, date), cancellationToken);
        }
        finally
        {
            _write.Release();
        }
    }

    // ---- validation ----

    private void ValidateDay(CalendarDay draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Label) || draft.Label.Length > 200) throw Bad("a calendar day needs a label of at most 200 characters");
        var wrappers = draft.DayTimeTriggers ?? [];
        if (wrappers.Count > MaxTriggersPerDay) throw Bad($"at most {MaxTriggersPerDay} triggers in a calendar day");
        for (var i = 0; i < wrappers.Count; i++)
        {
            var t = wrappers[i]?.StartActionGroupTimeTrigger ?? throw Bad($"trigger {i}: a startActionGroupTimeTrigger is needed");
            if (!TimeTriggerTypes.IsKnown(t.TriggerType)) throw Bad($"trigger {i}: triggerType must be TIME, DAWN or DUSK");
            if (t.Hours is < 0 or > 23 || t.Minutes is < 0 or > 59) throw Bad($"trigger {i}: hours must be within 0..23 and minutes within 0..59");
            if (t.DawnOffset is < -TriggerResolver.MaxOffsetMinutes or > TriggerResolver.MaxOffsetMinutes || t.DuskOffset is < -TriggerResolver.MaxOffsetMinutes or > TriggerResolver.MaxOffsetMinutes)
                throw Bad($"trigger {i}: dawnOffset and duskOffset must be within ±{TriggerResolver.MaxOffsetMinutes} minutes");
            if (t.RandomTimeOffset is < 0 or > TriggerResolver.MaxOffsetMinutes)
                throw Bad($"trigger {i}: randomTimeOffset must be within 0..{TriggerResolver.MaxOffsetMinutes} minutes");
            if (t.AlwaysBeforeHours is < 0 or > 23 || t.AlwaysAfterHours is < 0 or > 23 || t.AlwaysBeforeMinutes is < 0 or > 59 || t.AlwaysAfterMinutes is < 0 or > 59)
                throw Bad($"trigger {i}: alwaysBefore and alwaysAfter hours must be within 0..23 and minutes within 0..59");
            if (t.AlwaysAfter is { } after && t.AlwaysBefore is { } before && after > before)
                throw Bad($"trigger {i}: alwaysAfter must not be later than alwaysBefore");
            if (ManagedActionGroups.IsPresent(t.LocalActionGroup)) actionGroups.ValidateManaged(ManagedActionGroups.Read(t.LocalActionGroup!.Value));
            else if (string.IsNullOrWhiteSpace(t.ActionGroupOid)) throw Bad($"trigger {i}: an actionGroupOID or a localActionGroup is needed");
            else if (actionGroups.Find(t.ActionGroupOid) is null) throw Bad($"trigger {i}: unknown action group {t.ActionGroupOid}");
        }
    }

    private void ValidateRule(WeeklyCalendarRule rule)
    {
        if (string.IsNullOrWhiteSpace(rule.CalendarDayOid)) throw Bad("a calendar rule needs a calendarDayOID");
        if (!_days.ContainsKey(rule.CalendarDayOid)) throw Bad($"unknown calendar day {rule.CalendarDayOid}");
        if (rule.DayMask is < 1 or > WeeklyCalendarRule.EveryDay) throw Bad("dayMask must be within 1..127 (bit 0 Monday … bit 6 Sunday)");
        if (rule.StartTimeHours is < 0 or > 23 || rule.EndTimeHours is < 0 or > 23 || rule.StartTimeMinutes is < 0 or > 59 || rule.EndTimeMinutes is < 0 or > 59)
            throw Bad("start and end time hours must be within 0..23 and minutes within 0..59");
        var hasStart = rule.StartMonth is > 0 || rule.StartDay is > 0 || rule.StartYear is > 0;
        var hasEnd = rule.EndMonth is > 0 || rule.EndDay is > 0 || rule.EndYear is > 0;
        var absolute = IsAbsolute(rule);
        if (hasStart) CheckDate(rule.StartYear, rule.StartMonth, rule.StartDay, absolute, "start");
        if (hasEnd) CheckDate(rule.EndYear, rule.EndMonth, rule.EndDay, absolute, "end");
        if (absolute && hasStart && hasEnd
            && new DateOnly(rule.StartYear!.Value, rule.StartMonth!.Value, rule.StartDay!.Value) > new DateOnly(rule.EndYear!.Value, rule.EndMonth!.Value, rule.EndDay!.Value))
            throw Bad("the start date must not be after the end date");
    }

    private static void CheckDate(int? year, int? month, int? day, bool absolute, string which)
    {
        if (month is not (>= 1 and <= 12) || day is not >= 1) throw Bad($"the {which} date needs a month (1..12) and a day");
        if (absolute && year is not (>= 1970 and <= 2200)) throw Bad("a date range has years on both ends (1970..2200) or on neither (every year)");
        if (day > (absolute ? DateTime.DaysInMonth(year!.Value, month.Value) : DateTime.DaysInMonth(2000, month.Value))) throw Bad($"the {which} date is not a date");
    }

    private static OverkizException Bad(string message) => new(OverkizError.BadParameters(message));

    // ---- storage ----

    private static CalendarDay Normalize(CalendarDay draft, string oid, long created, long updated, CalendarDay? previous)
    {
        var before = previous?.Triggers ?? [];
        var triggers = (draft.DayTimeTriggers ?? []).Select((w, i) => new DayTimeTrigger(w.StartActionGroupTimeTrigger! with
        {
            Id = w.StartActionGroupTimeTrigger!.Id ?? (i < before.Count ? before[i].Id : null) ?? Guid.NewGuid().ToString(),
        })).ToList();
        return draft with { Oid = oid, CreationTime = created, LastUpdateTime = updated, DayTimeTriggers = triggers };
    }

    private async Task CommitDaysAsync(ImmutableDictionary<string, CalendarDay> days, CancellationToken cancellationToken)
    {
        await store.SaveDaysAsync(days.Values.OrderBy(d => d.CreationTime), cancellationToken);
        _days = days;
        Interlocked.Increment(ref _version);
    }

    private async Task CommitRulesAsync(ImmutableDictionary<string, WeeklyCalendarRule> rules, CancellationToken cancellationToken)
    {
        await store.SaveRulesAsync(rules.Values.OrderBy(r => r.CreationTime), cancellationToken);
        _rules = rules;
        Interlocked.Increment(ref _version);
    }

    private async Task CommitHandledAsync(ImmutableDictionary<string, DateOnly> handled, CancellationToken cancellationToken)
    {
        await store.SaveHandledAsync(handled, cancellationToken);
        _handled = handled;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
