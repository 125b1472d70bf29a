using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gateway.Benchmarks;

/// <summary>
/// How late scheduled work starts in a real gatewayd (its own process, HTTPS on a random loopback port, throw-away
/// data directory, simulated radios): one-shot schedules (POST /exec/schedule/{actionGroupOID}/{utcTimestamp}) at
/// odd millisecond instants, and optionally calendar TIME triggers at whole minutes. Each firing's lateness is the
/// execution's start time in history (GET /history/executions, milliseconds, the daemon's wall clock) minus the
/// instant it was due; both clocks are the same machine's.
/// </summary>
public static class ScheduleJitterBenchmark
{
    private const string Device = "1100005"; // a light of the simulated home

    public static async Task<string> RunAsync(int schedules, int calendarMinutes)
    {
        await using var daemon = await BenchDaemon.StartAsync("jitter");
        using var client = daemon.Client(await daemon.CreateTokenAsync());
        var gateway = (await client.GetJsonAsync("setup/gateways"))[0].GetProperty("gatewayId").GetString()!;
        var group = await client.PostJsonAsync("actionGroups", JsonSerializer.Serialize(new
        {
            label = "jitter",
            actions = new[] { new { deviceURL = $"sim://{gateway}/{Device}", commands = new[] { new { name = "on", parameters = Array.Empty<int>() } } } },
        }));
        var groupOid = group.GetProperty("actionGroupOID").GetString()!;
        // Warm the routes up (JIT, TLS session) with one schedule far ahead, cancelled at once.
        var warm = await client.PostJsonAsync($"exec/schedule/{groupOid}/{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds()}");
        await client.DeleteAsync($"exec/delayedTriggerSchedule/{warm.GetProperty("triggerId").GetString()}");

        // Calendar triggers first: they need the most lead time, and fire while the schedules run.
        var calendar = calendarMinutes > 0 ? await ScheduleCalendarAsync(client, groupOid, calendarMinutes) : [];

        // Schedules: one every 500 ms from 3 s ahead, each at a different millisecond within its half-second, so the
        // instants fall at every phase of the daemon's 500 ms safety tick.
        var origin = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3).ToUnixTimeMilliseconds();
        var due = new Dictionary<string, long>(StringComparer.Ordinal);
        var postedLate = 0;
        for (var i = 0; i < schedules; i++)
        {
            var at = origin + i * 500L + (i * 211L + 17) % 500;
            var trigger = await client.PostJsonAsync($"exec/schedule/{groupOid}/{at}");
            if (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() >= at) postedLate++; // its lateness would be the request's
            else due[$"schedule:{trigger.GetProperty("triggerId").GetString()}"] = at;
        }

        var last = due.Values.Concat(calendar.Values).DefaultIfEmpty(origin).Max();
        var wait = DateTimeOffset.FromUnixTimeMilliseconds(last + 2000) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);

        var scheduleLate = await LatenessAsync(client, due);
        var calendarLate = calendar.Count > 0 ? await LatenessAsync(client, calendar) : [];
        var rows = new StringBuilder();
        rows.AppendLine("| firings | n | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | min (ms) | mean (ms) |");
        rows.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.AppendLine(Row("one-shot schedules (`POST /exec/schedule/…`), odd-ms instants", scheduleLate));
        if (calendarLate.Count > 0) rows.AppendLine(Row("calendar TIME triggers, whole minutes", calendarLate));
        if (postedLate > 0) rows.AppendLine(CultureInfo.InvariantCulture, $"\n{postedLate} schedule(s) left out: the request came back after the instant it asked for.");
        return rows.ToString().TrimEnd();
    }

    /// <summary>A calendar day of TIME triggers at the next whole minutes (at least 40 s ahead), applied every day; the due instants by execution source.</summary>
    private static async Task<Dictionary<string, long>> ScheduleCalendarAsync(HttpClient client, string groupOid, int minutes)
    {
        var zoneId = (await client.GetJsonAsync("setup/location")).GetProperty("timezone").GetString()!;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var z) ? z : TimeZoneInfo.Utc;
        var first = DateTimeOffset.UtcNow.AddSeconds(40);
        first = new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, first.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var local = Enumerable.Range(0, minutes).Select(m => TimeZoneInfo.ConvertTime(first.AddMinutes(m), zone)).ToList();
        var day = await client.PostJsonAsync("setup/calendar/days", JsonSerializer.Serialize(new
        {
            label = "jitter",
            type = "WORK_DAY",
            dayTimeTriggers = local.Select(t => new { startActionGroupTimeTrigger = new { triggerType = "TIME", hours = t.Hour, minutes = t.Minute, actionGroupOID = groupOid } }),
        }));
        var dayOid = day.GetProperty("calendarDayOID").GetString()!;
        await client.PostJsonAsync("setup/calendar/rules", JsonSerializer.Serialize(new { weeklyCalendarRule = new { calendarDayOID = dayOid, dayMask = 0x7F } }));

        // The instants the daemon resolved (its preview), for the local dates the triggers fall on.
        var due = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var date in local.Select(t => t.Date).Distinct())
        {
            var schedule = await client.GetJsonAsync(FormattableString.Invariant($"setup/calendar/schedule/{date.Year}/{date.Month}/{date.Day}"));
            foreach (var firing in schedule.GetProperty("firings").EnumerateArray())
            {
                var utc = firing.GetProperty("utc").GetInt64();
                if (firing.GetProperty("calendarDayOID").GetString() == dayOid && utc >= first.ToUnixTimeMilliseconds())
                    due[$"calendar:{dayOid}:{firing.GetProperty("triggerIndex").GetInt32()}"] = utc;
            }
        }
        if (due.Count != minutes) throw new InvalidOperationException($"the calendar preview shows {due.Count} of {minutes} firings");
        return due;
    }

    /// <summary>Start time minus due time of each execution started by one of <paramref name="due"/>'s sources, waiting until all are in history.</summary>
    private static async Task<List<double>> LatenessAsync(HttpClient client, Dictionary<string, long> due)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var started = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entry in (await client.GetJsonAsync("history/executions")).EnumerateArray())
            {
                var source = entry.GetProperty("source").GetString()!;
                if (due.ContainsKey(source)) started[source] = entry.GetProperty("effectiveStartTime").GetInt64();
            }
            if (started.Count == due.Count)
                return due.Select(d => (double)(started[d.Key] - d.Value)).Order().ToList();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{started.Count} of {due.Count} firings in history");
            await Task.Delay(500);
        }
    }

    private static string Row(string label, List<double> sorted) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {sorted.Count} | {Percentile(sorted, 0.50):F0} | {Percentile(sorted, 0.95):F0} | {Percentile(sorted, 0.99):F0} | {sorted[^1]:F0} | {sorted[0]:F0} | {sorted.Average():F1} |");

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
