using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Benchmarks;

/// <summary>
/// One real gatewayd (its own process, HTTPS on loopback, throw-away data directory, a simulated home of 12 devices
/// per temperature sensor) loaded through the local API with 1,000 triggers and 100 calendar days and rules, then
/// measured: creation rates and latencies, reads of the lists, statuses and calendar previews, the time from a
/// sensor reading to the start of the one trigger execution it causes, resident memory, and a restart on the same
/// data directory (time to ready, everything still there, a trigger still firing).
/// </summary>
/// <remarks>
/// The if-then triggers watch <c>core:TemperatureState</c> of the sensors, each in its own half-degree band from
/// 30 °C up (sensor s, band j: above 30 + j/2 and at most 30.5 + j/2), so a reading of 30.25 + j/2 on sensor s makes
/// exactly one trigger's condition true. By band: 6 in 10 fire at once (no window), 1 in 10 after an activation delay
/// of 1–30 min, 1 in 10 on weekdays from dawn + 30 min (never before 07:00) to dusk − 15 min, 1 in 10 every day from
/// dusk to 23:30 with a 5 min delay, 1 in 10 on week-ends from 09:00 to dusk with a 10 min deactivation delay. Half
/// are written as an and-block of two comparisons, half as one BETWEEN_EXCLUSIVE. A tenth of all triggers are
/// discrete triggers on the contact and occupancy sensors.
/// </remarks>
public static class AutomationScaleBenchmark
{
    private const int SensorsWanted = 20;
    private const double Base = 30.0;
    private const double Band = 0.5;
    private const double Rest = 20.0;

    public static async Task<string> RunAsync(int triggerCount, int calendarCount, int samples)
    {
        var settings = new Dictionary<string, string>
        {
            ["Gateway__Radios__Simulated__HomeSize"] = (12 * SensorsWanted).ToString(CultureInfo.InvariantCulture),
        };
        await using var daemon = await BenchDaemon.StartAsync("scale", settings);
        var emptyReady = daemon.ReadyAfter;
        var emptyRss = daemon.MemoryKilobytes();
        var token = await daemon.CreateTokenAsync();
        var client = daemon.Client(token);
        try
        {
            var report = new StringBuilder();
            var figures = new List<(string, string)>
            {
                ("Time to ready, empty data directory (process start → first 200 on `/apiVersion`)", Ms(emptyReady.TotalMilliseconds)),
                ("Resident memory (VmRSS) once ready, empty", Mb(emptyRss)),
            };

            // ---- the home ----
            var gateway = (await client.GetJsonAsync("setup/gateways"))[0].GetProperty("gatewayId").GetString()!;
            var devices = (await client.GetJsonAsync("setup/devices")).EnumerateArray()
                .Select(d => (Url: d.GetProperty("deviceURL").GetString()!, Kind: d.GetProperty("controllableName").GetString()!)).ToList();
            List<string> Of(string kind) => devices.Where(d => d.Kind == kind).Select(d => d.Url).ToList();
            var thermometers = Of("io:TemperatureIOSystemSensor");
            var contacts = Of("io:SomfyContactIOSystemSensor");
            var occupancy = Of("io:SomfyOccupancyIOSystemSensor");
            var lights = Of("io:OnOffLightIOComponent").Concat(Of("io:DimmableLightIOComponent")).ToList();
            var shutters = Of("io:RollerShutterGenericIOComponent");
            if (thermometers.Count < SensorsWanted || contacts.Count == 0 || occupancy.Count == 0 || lights.Count < 4 || shutters.Count == 0)
                throw new InvalidOperationException($"the simulated home is too small: {thermometers.Count} thermometers, {contacts.Count} contacts, {lights.Count} lights");

            await client.PutJsonAsync("setup/location", """{"city":"Paris","timezone":"Europe/Paris","latitude":48.8566,"longitude":2.3522}""");
            var groups = new List<string>();
            for (var g = 0; g < 4; g++)
                groups.Add(await GroupAsync(client, $"Light {g + 1} on", lights[g], "on"));
            var lightsOff = await GroupAsync(client, "Light 1 off", lights[0], "off");
            var open = await GroupAsync(client, "Open the shutter", shutters[0], "open");
            var close = await GroupAsync(client, "Close the shutter", shutters[0], "close");

            // ---- 1,000 triggers ----
            var discreteCount = triggerCount / 10;
            var ifThenCount = triggerCount - discreteCount;
            var bands = (ifThenCount + SensorsWanted - 1) / SensorsWanted;
            var bodies = new List<(string Json, Temperature? Watch)>();
            for (var i = 0; i < ifThenCount; i++)
            {
                var sensor = i % SensorsWanted;
                var band = i / SensorsWanted;
                var kind = band % 10;
                bodies.Add((IfThen(thermometers[sensor], band, kind, groups[i % groups.Count]).ToJsonString(), new Temperature(sensor, band, kind)));
            }
            for (var i = 0; i < discreteCount; i++)
                bodies.Add((Discrete(i, i % 2 == 0 ? contacts[i / 2 % contacts.Count] : occupancy[i / 2 % occupancy.Count], groups, lightsOff).ToJsonString(), null));
            // Interleave the discrete ones among the if-then ones, as a home is set up over time.
            var order = Enumerable.Range(0, bodies.Count).OrderBy(i => i < ifThenCount ? i * (double)triggerCount / ifThenCount : (i - ifThenCount + 0.5) * 10).ToList();

            var created = new List<(string Oid, Temperature? Watch)>();
            var triggerLatency = new List<double>();
            var clock = Stopwatch.StartNew();
            foreach (var index in order)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                var answer = await client.PostJsonAsync("triggers", bodies[index].Json);
                triggerLatency.Add(clock.Elapsed.TotalMilliseconds - started);
                created.Add((answer.GetProperty("setupTriggerOID").GetString()!, bodies[index].Watch));
            }
            var triggerSeconds = clock.Elapsed.TotalSeconds;

            // ---- 100 calendar days, 100 weekly rules ----
            var dayLatency = new List<double>();
            var dayOids = new List<string>();
            clock.Restart();
            for (var i = 0; i < calendarCount; i++)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                var day = await client.PostJsonAsync("setup/calendar/days", CalendarDay(i, open, close).ToJsonString());
                dayLatency.Add(clock.Elapsed.TotalMilliseconds - started);
                dayOids.Add(day.GetProperty("calendarDayOID").GetString()!);
            }
            var daySeconds = clock.Elapsed.TotalSeconds;
            var ruleLatency = new List<double>();
            var ruleOids = new List<string>();
            clock.Restart();
            for (var i = 0; i < calendarCount; i++)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                var rule = await client.PostJsonAsync("setup/calendar/rules", WeeklyRule(i, dayOids[i]).ToJsonString());
                ruleLatency.Add(clock.Elapsed.TotalMilliseconds - started);
                ruleOids.Add(rule.GetProperty("calendarRuleOID").GetString()!);
            }
            var ruleSeconds = clock.Elapsed.TotalSeconds;

            // One more of each, at the product's limits: refused, and nothing changes.
            var oneTooMany = triggerCount >= 1000 ? await RefusalAsync(client, "triggers", bodies[0].Json) : null;
            var dayTooMany = calendarCount >= 100 ? await RefusalAsync(client, "setup/calendar/days", CalendarDay(calendarCount, open, close).ToJsonString()) : null;

            report.AppendLine("| Creation (one request at a time) | n | requests/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            report.AppendLine(CreationRow($"`POST /triggers`, all ({ifThenCount} ifThenSetupTrigger, {discreteCount} discreteTrigger)", triggerLatency, triggerSeconds));
            var tenth = Math.Max(1, triggerLatency.Count / 10);
            report.AppendLine(CreationRow($"`POST /triggers`, the first {tenth}", triggerLatency.Take(tenth).ToList(), triggerLatency.Take(tenth).Sum() / 1000));
            report.AppendLine(CreationRow($"`POST /triggers`, the last {tenth}", triggerLatency.TakeLast(tenth).ToList(), triggerLatency.TakeLast(tenth).Sum() / 1000));
            report.AppendLine(CreationRow("`POST /setup/calendar/days` (DAWN + 30 min never before 07:00, DUSK with 10 min random offset)", dayLatency, daySeconds));
            report.AppendLine(CreationRow("`POST /setup/calendar/rules` (weekly, varied masks, priorities, seasons)", ruleLatency, ruleSeconds));
            report.AppendLine();

            // ---- reads with everything loaded ----
            var ifThenOid = created.FirstOrDefault(c => c.Watch is { Kind: 7 }).Oid ?? created.First(c => c.Watch is not null).Oid;
            var discreteOid = created.First(c => c.Watch is null).Oid;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
            report.AppendLine("| Read, everything loaded | bytes | n | p50 (ms) | p95 (ms) | max (ms) |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (label, path) in new[]
            {
                ("`GET /triggers`", "triggers"),
                ("`GET /triggers/ifThenSetupTrigger`", "triggers/ifThenSetupTrigger"),
                ("`GET /triggers/discreteTrigger`", "triggers/discreteTrigger"),
                ("`GET /triggers/ifThenSetupTrigger/status`", "triggers/ifThenSetupTrigger/status"),
                ("`GET /triggers/discreteTrigger/status`", "triggers/discreteTrigger/status"),
                ("`GET /triggers/ifThenSetupTrigger/{oid}/status` (a windowed one)", $"triggers/ifThenSetupTrigger/{ifThenOid}/status"),
                ("`GET /triggers/discreteTrigger/{oid}`", $"triggers/discreteTrigger/{discreteOid}"),
                ("`GET /triggers/status` (the switch)", "triggers/status"),
                ("`GET /setup/calendar/days`", "setup/calendar/days"),
                ("`GET /setup/calendar/rules`", "setup/calendar/rules"),
            })
                report.AppendLine(await ReadRowAsync(client, label, path, 30));

            // The preview: a date asked for the first time is computed, then served from a cache until something changes.
            var cold = new List<double>();
            var coldBytes = 0;
            for (var d = 1; d <= 30; d++)
            {
                var date = today.AddDays(d);
                var started = Stopwatch.GetTimestamp();
                coldBytes = Math.Max(coldBytes, Encoding.UTF8.GetByteCount(await client.GetTextAsync(SchedulePath(date))));
                cold.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            report.AppendLine(SampleRow("`GET /setup/calendar/schedule/{y}/{m}/{d}`, 30 dates each asked once (computed)", coldBytes, cold));
            report.AppendLine(await ReadRowAsync(client, "`GET /setup/calendar/schedule/{y}/{m}/{d}`, today asked again (cached)", SchedulePath(today), 30));
            var first = today.AddDays(60).DayNumber - new DateOnly(1970, 1, 1).DayNumber;
            var rangeStarted = Stopwatch.GetTimestamp();
            var range = await client.GetTextAsync(FormattableString.Invariant($"setup/calendar/schedule/{first}/{first + 30}"));
            report.AppendLine(SampleRow("`GET /setup/calendar/schedule/{startDay}/{endDay}`, 31 dates not asked before", Encoding.UTF8.GetByteCount(range), [Stopwatch.GetElapsedTime(rangeStarted).TotalMilliseconds]));
            report.AppendLine();
            var todaySchedule = await client.GetJsonAsync(SchedulePath(today));
            var todayRules = todaySchedule.GetProperty("calendarRules").GetArrayLength();
            var todayFirings = todaySchedule.GetProperty("firings").GetArrayLength();

            // ---- state change → trigger execution ----
            var candidates = created.Where(c => c.Watch is { Kind: < 6 }).ToList();
            if (candidates.Count < samples + 2) throw new InvalidOperationException($"only {candidates.Count} zero-delay triggers for {samples} samples");
            var picks = Enumerable.Range(0, samples + 2).Select(n => candidates[(int)((long)n * candidates.Count / (samples + 2))]).ToList();
            await FireAsync(client, gateway, thermometers, picks[0]); // warm-up, not counted
            var reaction = new List<double>();
            var putTimes = new List<double>();
            foreach (var pick in picks.Skip(1).Take(samples))
            {
                var (latency, put) = await FireAsync(client, gateway, thermometers, pick);
                reaction.Add(latency);
                putTimes.Add(put);
            }
            var fired = (await client.GetJsonAsync("history/executions")).EnumerateArray()
                .Select(h => h.GetProperty("source").GetString()!).Where(s => s.StartsWith("trigger:", StringComparison.Ordinal)).ToList();
            report.AppendLine("| State change → trigger execution, everything loaded | n | p50 (ms) | p95 (ms) | max (ms) | min (ms) | mean (ms) |");
            report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            report.AppendLine(LatencyRow("reading `PUT` → `effectiveStartTime` of the trigger's execution", reaction));
            report.AppendLine(LatencyRow("the `PUT /gatewayd/simulation/devices/{address}/states` round trip alone", putTimes));
            report.AppendLine();

            // ---- memory, idle ----
            await Task.Delay(TimeSpan.FromSeconds(10));
            var loadedRss = daemon.MemoryKilobytes();
            var peak = daemon.MemoryKilobytes("VmHWM");
            var database = Directory.EnumerateFiles(daemon.DataDirectory, "gateway.db*").Sum(f => new FileInfo(f).Length);

            // ---- restart on the same data directory ----
            client.Dispose();
            var restartReady = await daemon.RestartAsync();
            var restartRss = daemon.MemoryKilobytes();
            client = daemon.Client(token);
            var listed = (await client.GetJsonAsync("triggers")).EnumerateArray()
                .Select(t => t.EnumerateObject().Single().Value.GetProperty("oid").GetString()!).ToHashSet(StringComparer.Ordinal);
            var days = (await client.GetJsonAsync("setup/calendar/days")).EnumerateArray().Select(d => d.GetProperty("oid").GetString()!).ToHashSet(StringComparer.Ordinal);
            var rules = (await client.GetJsonAsync("setup/calendar/rules")).EnumerateArray()
                .Select(r => r.GetProperty("weeklyCalendarRule").GetProperty("oid").GetString()!).ToHashSet(StringComparer.Ordinal);
            var (afterRestart, _) = await FireAsync(client, gateway, thermometers, picks[^1]);

            figures.Add(("Triggers created", FormattableString.Invariant(
                $"{created.Count}: {created.Count(c => c.Watch is { Kind: < 6 })} if-then firing at once, {created.Count(c => c.Watch is { Kind: 6 })} with an activation delay, {created.Count(c => c.Watch is { Kind: >= 7 })} with weekly, daily or week-end windows (DAWN/DUSK edges), {discreteCount} discrete; {thermometers.Count} thermometers × {bands} bands")));
            figures.Add(("Calendar", FormattableString.Invariant(
                $"{dayOids.Count} days ({2 * dayOids.Count} day triggers), {ruleOids.Count} weekly rules; {today:yyyy-MM-dd}: {todayRules} rules apply, {todayFirings} firings")));
            if (oneTooMany is not null) figures.Add(("One trigger more (POST /triggers with 1,000 there)", oneTooMany));
            if (dayTooMany is not null) figures.Add(("One calendar day more (POST /setup/calendar/days with 100 there)", dayTooMany));
            figures.Add(("Trigger executions in history after the samples (samples + 1 warm-up)", FormattableString.Invariant(
                $"{fired.Count} from {fired.Distinct().Count()} triggers (expected {samples + 1})")));
            figures.Add(("Resident memory (VmRSS), 10 s idle after loading and measuring", Mb(loadedRss)));
            figures.Add(("Peak resident memory (VmHWM) over the run", Mb(peak)));
            figures.Add(("Database files (gateway.db, -wal, -shm)", FormattableString.Invariant($"{database / 1048576.0:F1} MB")));
            figures.Add(("Time to ready after a restart with everything loaded (SIGTERM, same data directory)", Ms(restartReady.TotalMilliseconds)));
            figures.Add(("Resident memory (VmRSS) once ready after the restart", Mb(restartRss)));
            figures.Add(("After the restart: `GET /triggers`", FormattableString.Invariant(
                $"{listed.Count} triggers, {(listed.SetEquals(created.Select(c => c.Oid)) ? "the same OIDs" : "NOT the same OIDs")}")));
            figures.Add(("After the restart: calendar", FormattableString.Invariant(
                $"{days.Count} days, {rules.Count} rules, {(days.SetEquals(dayOids) && rules.SetEquals(ruleOids) ? "the same OIDs" : "NOT the same OIDs")}")));
            figures.Add(("After the restart: a zero-delay trigger, reading → execution start (first firing, cold code paths)", Ms(afterRestart)));

            report.AppendLine("| Figure | Value |");
            report.AppendLine("|---|---|");
            foreach (var (name, value) in figures) report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
            var problems = new List<string>();
            if (listed.Count != created.Count || !listed.SetEquals(created.Select(c => c.Oid))) problems.Add("triggers lost or changed across the restart");
            if (!days.SetEquals(dayOids) || !rules.SetEquals(ruleOids)) problems.Add("calendar days or rules lost across the restart");
            if (fired.Count != samples + 1 || fired.Distinct().Count() != samples + 1) problems.Add($"{fired.Count} trigger executions where {samples + 1} were expected");
            if (oneTooMany?.StartsWith("ACCEPTED", StringComparison.Ordinal) == true || dayTooMany?.StartsWith("ACCEPTED", StringComparison.Ordinal) == true)
                problems.Add("a creation past the limits was accepted");
            if (problems.Count > 0) report.AppendLine().AppendLine("**Problems:** " + string.Join("; ", problems) + ".");
            return report.ToString().TrimEnd();
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>The reading that makes one zero-delay trigger true: its band's middle, on its sensor.</summary>
    private sealed record Temperature(int Sensor, int Slot, int Kind)
    {
        public double Lower => Base + (Slot * Band);
    }

    /// <summary>
    /// Puts the reading that makes <paramref name="pick"/>'s condition true, waits for its execution in history, puts
    /// the resting reading back; returns execution start − client time before the PUT, and the PUT's round trip.
    /// </summary>
    private static async Task<(double Latency, double Put)> FireAsync(HttpClient client, string gateway, List<string> thermometers,
        (string Oid, Temperature? Watch) pick)
    {
        var watch = pick.Watch!;
        var path = StatesPath(gateway, thermometers[watch.Sensor]);
        var reading = Reading(watch.Lower + (Band / 2));
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var put = Stopwatch.GetTimestamp();
        await client.PutJsonAsync(path, reading);
        var putMs = Stopwatch.GetElapsedTime(put).TotalMilliseconds;
        var source = $"trigger:{pick.Oid}";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        long? start = null;
        while (start is null)
        {
            await Task.Delay(50);
            foreach (var entry in (await client.GetJsonAsync("history/executions")).EnumerateArray())
                if (entry.GetProperty("source").GetString() == source) start = entry.GetProperty("effectiveStartTime").GetInt64();
            if (start is null && DateTime.UtcNow > deadline) throw new TimeoutException($"trigger {pick.Oid} (reading {reading}) did not run within 15 s");
        }
        await client.PutJsonAsync(path, Reading(Rest));
        await Task.Delay(100);
        return (start.Value - before, putMs);
    }

    /// <summary>What the gateway answers to a creation expected to be refused: status and error text (or what it created).</summary>
    private static async Task<string> RefusalAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode) return $"ACCEPTED ({(int)response.StatusCode}): {text}";
        using var body = JsonDocument.Parse(text);
        return $"{(int)response.StatusCode} {body.RootElement.GetProperty("errorCode").GetString()}, \"{body.RootElement.GetProperty("error").GetString()}\"";
    }

    private static string StatesPath(string gateway, string deviceUrl) =>
        $"/gatewayd/simulation/devices/{Uri.EscapeDataString(deviceUrl[$"sim://{gateway}/".Length..])}/states";

    private static string Reading(double celsius) => new JsonArray(new JsonObject { ["name"] = "core:TemperatureState", ["value"] = celsius }).ToJsonString();

    private static string SchedulePath(DateOnly date) => FormattableString.Invariant($"setup/calendar/schedule/{date.Year}/{date.Month}/{date.Day}");

    private static async Task<string> GroupAsync(HttpClient client, string label, string deviceUrl, string command)
    {
        var body = new JsonObject
        {
            ["label"] = label,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["deviceURL"] = deviceUrl,
                ["commands"] = new JsonArray(new JsonObject { ["name"] = command, ["parameters"] = new JsonArray() }),
            }),
        };
        return (await client.PostJsonAsync("actionGroups", body.ToJsonString())).GetProperty("actionGroupOID").GetString()!;
    }

    /// <summary>An if-then trigger on one band of one thermometer; <paramref name="kind"/> 0–5 fire at once, 6–9 see the remarks.</summary>
    private static JsonObject IfThen(string thermometer, int band, int kind, string group)
    {
        var lower = Base + (band * Band);
        JsonObject Compare(string op, double value) => new()
        {
            ["staticDeviceStateCondition"] = new JsonObject
            {
                ["deviceURL"] = thermometer, ["stateName"] = "core:TemperatureState", ["operator"] = op, ["value1"] = value,
            },
        };
        JsonObject root;
        if (band % 2 == 0)
        {
            root = new JsonObject { ["andBlock"] = new JsonObject { ["subConditionBlocks"] = new JsonArray(Compare(">", lower), Compare("<=", lower + Band)) } };
        }
        else
        {
            var between = Compare("BETWEEN_EXCLUSIVE", lower);
            between["staticDeviceStateCondition"]!["value2"] = lower + Band;
            root = between;
        }
        var block = (JsonObject)root.Single().Value!;
        JsonArray? windows = null;
        switch (kind)
        {
            case 6:
                block["activationDelay"] = 60 * (1 + (band * 7 % 30));
                break;
            case 7:
                windows = new JsonArray(new JsonObject
                {
                    ["weeklySchedule"] = new JsonObject
                    {
                        ["startDay"] = 2, ["stopDay"] = 6, ["startMinutes"] = 0, ["stopMinutes"] = 0,
                        ["startType"] = "DAWN", ["startOffset"] = 30, ["startAlwaysAfter"] = "07:00",
                        ["stopType"] = "DUSK", ["stopOffset"] = -15,
                    },
                });
                break;
            case 8:
                block["activationDelay"] = 300;
                windows = new JsonArray(new JsonObject
                {
                    ["dailySchedule"] = new JsonObject { ["startMinutes"] = 0, ["startType"] = "DUSK", ["startOffset"] = 0, ["stopMinutes"] = 23 * 60 + 30, ["stopType"] = "TIME" },
                });
                break;
            case 9:
                block["deactivationDelay"] = 600;
                windows = new JsonArray(new JsonObject
                {
                    ["weekHours"] = new JsonObject { ["dayMask"] = 0x60, ["startMinutes"] = 9 * 60, ["startType"] = "TIME", ["stopMinutes"] = 0, ["stopType"] = "DUSK" },
                });
                break;
        }
        var trigger = new JsonObject
        {
            ["label"] = FormattableString.Invariant($"Above {lower:F1} °C on {thermometer[(thermometer.LastIndexOf('/') + 1)..]}"),
            ["mode"] = 1,
            ["rootConditionBlock"] = root,
            ["effects"] = new JsonArray(new JsonObject { ["actionGroupEffect"] = new JsonObject { ["actionGroupOID"] = group } }),
        };
        if (windows is not null) trigger["schedulingIntervals"] = windows;
        return new JsonObject { ["ifThenSetupTrigger"] = trigger };
    }

    /// <summary>A discrete trigger on a contact (open/closed) or occupancy sensor, one scene per value, some with delays.</summary>
    private static JsonObject Discrete(int index, string sensor, List<string> groups, string off)
    {
        var contact = index % 2 == 0;
        var (state, active, idle) = contact ? ("core:ContactState", "open", "closed") : ("core:OccupancyState", "personInside", "noPersonInside");
        var trigger = new JsonObject
        {
            ["label"] = FormattableString.Invariant($"Discrete {index} on {sensor[(sensor.LastIndexOf('/') + 1)..]}"),
            ["mode"] = 1,
            ["deviceURL"] = sensor,
            ["stateName"] = state,
            ["effectsList"] = new JsonArray(
                new JsonObject { ["key"] = active, ["effects"] = new JsonArray(new JsonObject { ["actionGroupEffect"] = new JsonObject { ["actionGroupOID"] = groups[index % groups.Count] } }) },
                new JsonObject { ["key"] = idle, ["effects"] = new JsonArray(new JsonObject { ["actionGroupEffect"] = new JsonObject { ["actionGroupOID"] = off } }) }),
            ["executeAlways"] = false,
        };
        if (index % 3 == 0) trigger["activationDelays"] = new JsonObject { ["map"] = new JsonObject { [idle] = 60 * (1 + (index % 10)) } };
        return new JsonObject { ["discreteTrigger"] = trigger };
    }

    /// <summary>Open 30 min after dawn but never before 07:00; close at dusk with up to 10 min of random offset.</summary>
    private static JsonObject CalendarDay(int index, string open, string close) => new()
    {
        ["label"] = FormattableString.Invariant($"Day {index + 1}"),
        ["type"] = "WORK_DAY",
        ["dayTimeTriggers"] = new JsonArray(
            new JsonObject
            {
                ["startActionGroupTimeTrigger"] = new JsonObject
                {
                    ["triggerType"] = "DAWN", ["dawnOffset"] = 30, ["alwaysAfterHours"] = 7, ["alwaysAfterMinutes"] = 0, ["actionGroupOID"] = open,
                },
            },
            new JsonObject
            {
                ["startActionGroupTimeTrigger"] = new JsonObject { ["triggerType"] = "DUSK", ["duskOffset"] = 0, ["randomTimeOffset"] = 10, ["actionGroupOID"] = close },
            }),
    };

    /// <summary>Weekly rules: work days, week-ends, every day, single weekdays and odd masks; priorities 0–9; every fourth one a summer season.</summary>
    private static JsonObject WeeklyRule(int index, string dayOid)
    {
        int[] masks = [0x1F, 0x60, 0x7F, 1 << (index % 7), ((index * 37) % 127) + 1];
        var rule = new JsonObject
        {
            ["calendarDayOID"] = dayOid,
            ["dayMask"] = masks[index % masks.Length],
            ["priority"] = index % 10,
            ["finalRule"] = false,
        };
        if (index % 4 == 3)
        {
            rule["startMonth"] = 4;
            rule["startDay"] = 1;
            rule["endMonth"] = 9;
            rule["endDay"] = 30;
        }
        return new JsonObject { ["weeklyCalendarRule"] = rule };
    }

    private static async Task<string> ReadRowAsync(HttpClient client, string label, string path, int count)
    {
        for (var i = 0; i < 3; i++) await client.GetTextAsync(path); // warm-up
        var times = new List<double>();
        var bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            bytes = Encoding.UTF8.GetByteCount(await client.GetTextAsync(path));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return SampleRow(label, bytes, times);
    }

    private static string SampleRow(string label, int bytes, List<double> times)
    {
        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {bytes:N0} | {sorted.Count} | {Percentile(sorted, 0.50):F2} | {Percentile(sorted, 0.95):F2} | {sorted[^1]:F2} |");
    }

    private static string CreationRow(string label, List<double> times, double seconds)
    {
        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {sorted.Count} | {sorted.Count / seconds:F0} | {Percentile(sorted, 0.50):F2} | {Percentile(sorted, 0.95):F2} | {Percentile(sorted, 0.99):F2} | {sorted[^1]:F2} |");
    }

    private static string LatencyRow(string label, List<double> times)
    {
        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {sorted.Count} | {Percentile(sorted, 0.50):F1} | {Percentile(sorted, 0.95):F1} | {sorted[^1]:F1} | {sorted[0]:F1} | {sorted.Average():F1} |");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];

    private static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F0} ms");

    private static string Mb(long kilobytes) => string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0:F1} MB");
}
