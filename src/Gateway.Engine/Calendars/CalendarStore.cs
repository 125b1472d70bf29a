using System.Text.Json;
using Gateway.Core.Calendars;
using Gateway.Core.Persistence;

namespace Gateway.Engine.Calendars;

/// <summary>The calendar kept as JSON documents in the settings table (no schema of its own).</summary>
public sealed class CalendarStore(ISettingsStore settings)
{
    public const string DaysKey = "calendar.days";
    public const string RulesKey = "calendar.rules";
    public const string StatusKey = "calendar.status";
    public const string FiredKey = "calendar.fired";

    public async Task<IReadOnlyList<CalendarDay>> LoadDaysAsync(CancellationToken cancellationToken) =>
        await settings.GetAsync(DaysKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, CalendarJsonContext.Default.IReadOnlyListCalendarDay) ?? []
            : [];

    public Task SaveDaysAsync(IEnumerable<CalendarDay> days, CancellationToken cancellationToken) =>
        settings.SetAsync(DaysKey, JsonSerializer.Serialize(days.ToList(), CalendarJsonContext.Default.IReadOnlyListCalendarDay), cancellationToken);

    public async Task<IReadOnlyList<WeeklyCalendarRule>> LoadRulesAsync(CancellationToken cancellationToken) =>
        await settings.GetAsync(RulesKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, CalendarJsonContext.Default.IReadOnlyListWeeklyCalendarRule) ?? []
            : [];

    public Task SaveRulesAsync(IEnumerable<WeeklyCalendarRule> rules, CancellationToken cancellationToken) =>
        settings.SetAsync(RulesKey, JsonSerializer.Serialize(rules.ToList(), CalendarJsonContext.Default.IReadOnlyListWeeklyCalendarRule), cancellationToken);

    /// <summary>The calendar runs unless it was turned off.</summary>
    public async Task<CalendarStatus> LoadStatusAsync(CancellationToken cancellationToken) =>
        await settings.GetAsync(StatusKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize(json, CalendarJsonContext.Default.CalendarStatus) ?? new CalendarStatus(true)
            : new CalendarStatus(true);

    public Task SaveStatusAsync(CalendarStatus status, CancellationToken cancellationToken) =>
        settings.SetAsync(StatusKey, JsonSerializer.Serialize(status, CalendarJsonContext.Default.CalendarStatus), cancellationToken);

    /// <summary>Per trigger ("dayOid:index"), the last local date whose firing was run or given up.</summary>
    public async Task<IReadOnlyDictionary<string, DateOnly>> LoadHandledAsync(CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(FiredKey, cancellationToken) is not { } json) return new Dictionary<string, DateOnly>();
        var raw = JsonSerializer.Deserialize(json, CalendarJsonContext.Default.DictionaryStringString) ?? [];
        return raw.Where(p => DateOnly.TryParseExact(p.Value, "yyyy-MM-dd", out _))
            .ToDictionary(p => p.Key, p => DateOnly.ParseExact(p.Value, "yyyy-MM-dd"), StringComparer.Ordinal);
    }

    public Task SaveHandledAsync(IReadOnlyDictionary<string, DateOnly> handled, CancellationToken cancellationToken) =>
        settings.SetAsync(FiredKey, JsonSerializer.Serialize(
            handled.ToDictionary(p => p.Key, p => p.Value.ToString("yyyy-MM-dd"), StringComparer.Ordinal),
            CalendarJsonContext.Default.DictionaryStringString), cancellationToken);
}
