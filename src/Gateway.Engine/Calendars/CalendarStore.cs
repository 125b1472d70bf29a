using System.Text.Json;
using Gateway.Core.Calendars;
using Gateway.Core.Json;
using Gateway.Core.Persistence;
using Microsoft.Extensions.Logging;

namespace Gateway.Engine.Calendars;

/// <summary>The calendar kept as JSON documents in the settings table (no schema of its own).</summary>
public sealed class CalendarStore(ISettingsStore settings, ILogger<CalendarStore>? logger = null)
{
    public const string DaysKey = "calendar.days";
    public const string RulesKey = "calendar.rules";
    public const string StatusKey = "calendar.status";
    public const string FiredKey = "calendar.fired";

    public async Task<IReadOnlyList<CalendarDay>> LoadDaysAsync(CancellationToken cancellationToken) =>
        StoredJson.ReadList(await settings.GetAsync(DaysKey, cancellationToken), CalendarJsonContext.Default.CalendarDay, Skipped(DaysKey));

    public Task SaveDaysAsync(IEnumerable<CalendarDay> days, CancellationToken cancellationToken) =>
        settings.SetAsync(DaysKey, JsonSerializer.Serialize(days.ToList(), CalendarJsonContext.Default.IReadOnlyListCalendarDay), cancellationToken);

    public async Task<IReadOnlyList<WeeklyCalendarRule>> LoadRulesAsync(CancellationToken cancellationToken) =>
        StoredJson.ReadList(await settings.GetAsync(RulesKey, cancellationToken), CalendarJsonContext.Default.WeeklyCalendarRule, Skipped(RulesKey));

    public Task SaveRulesAsync(IEnumerable<WeeklyCalendarRule> rules, CancellationToken cancellationToken) =>
        settings.SetAsync(RulesKey, JsonSerializer.Serialize(rules.ToList(), CalendarJsonContext.Default.IReadOnlyListWeeklyCalendarRule), cancellationToken);

    /// <summary>The calendar runs unless it was turned off.</summary>
    public async Task<CalendarStatus> LoadStatusAsync(CancellationToken cancellationToken) =>
        StoredJson.ReadOne(await settings.GetAsync(StatusKey, cancellationToken), CalendarJsonContext.Default.CalendarStatus, Skipped(StatusKey))
        ?? new CalendarStatus(true);

    public Task SaveStatusAsync(CalendarStatus status, CancellationToken cancellationToken) =>
        settings.SetAsync(StatusKey, JsonSerializer.Serialize(status, CalendarJsonContext.Default.CalendarStatus), cancellationToken);

    /// <summary>Per trigger ("dayOid:index"), the last local date whose firing was run or given up.</summary>
    public async Task<IReadOnlyDictionary<string, DateOnly>> LoadHandledAsync(CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(FiredKey, cancellationToken) is not { } json) return new Dictionary<string, DateOnly>();
        var raw = StoredJson.ReadOne(json, CalendarJsonContext.Default.DictionaryStringString, Skipped(FiredKey)) ?? [];
        return raw.Where(p => DateOnly.TryParseExact(p.Value, "yyyy-MM-dd", out _))
            .ToDictionary(p => p.Key, p => DateOnly.ParseExact(p.Value, "yyyy-MM-dd"), StringComparer.Ordinal);
    }

    private Action<string> Skipped(string key) =>
        reason => logger?.LogError("Stored {Key} (or an item of it) cannot be loaded and is skipped: {Reason}", key, reason);

    public Task SaveHandledAsync(IReadOnlyDictionary<string, DateOnly> handled, CancellationToken cancellationToken) =>
        settings.SetAsync(FiredKey, JsonSerializer.Serialize(
            handled.ToDictionary(p => p.Key, p => p.Value.ToString("yyyy-MM-dd"), StringComparer.Ordinal),
            CalendarJsonContext.Default.DictionaryStringString), cancellationToken);
}
