using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
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
    private const string Api = "enduser-mobile-web/1/enduserAPI/";
    private const string Device = "1100005"; // a light of the simulated home

    public static async Task<string> RunAsync(int schedules, int calendarMinutes)
    {
        await using var daemon = await Daemon.StartAsync();
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

    private static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await BodyAsync(response, path);
    }

    private static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, string json = "")
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return await BodyAsync(response, path);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>gatewayd as its own process, configured through environment variables (as DaemonProcess does with switches).</summary>
    private sealed class Daemon : IAsyncDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly string _data = Directory.CreateTempSubdirectory("gatewayd-jitter-").FullName;
        private readonly int _port = FreePort();
        private Process? _process;

        public static async Task<Daemon> StartAsync()
        {
            var daemon = new Daemon();
            daemon._process = Process.Start(daemon.StartInfo())!;
            daemon._process.OutputDataReceived += (_, e) => { lock (daemon._output) daemon._output.AppendLine(e.Data); };
            daemon._process.ErrorDataReceived += (_, e) => { lock (daemon._output) daemon._output.AppendLine(e.Data); };
            daemon._process.BeginOutputReadLine();
            daemon._process.BeginErrorReadLine();
            using var client = daemon.Client(null);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                if (daemon._process.HasExited) throw new InvalidOperationException($"gatewayd exited with {daemon._process.ExitCode}:\n{daemon.Output}");
                try
                {
                    using var response = await client.GetAsync("apiVersion");
                    if (response.IsSuccessStatusCode) return daemon;
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(50);
            }
            throw new TimeoutException($"gatewayd did not become ready:\n{daemon.Output}");
        }

        private string Output { get { lock (_output) return _output.ToString(); } }

        public async Task<string> CreateTokenAsync()
        {
            var info = StartInfo("token", "create", "--label", "jitter");
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? (await stdout).Trim() : throw new InvalidOperationException(await stderr);
        }

        /// <summary>An HTTPS client that trusts exactly the certificate this gateway generated.</summary>
        public HttpClient Client(string? token)
        {
            var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                {
                    var path = Path.Combine(_data, "api-certificate.pfx");
                    if (certificate is null || !File.Exists(path)) return false;
                    using var expected = X509CertificateLoader.LoadPkcs12FromFile(path, null);
                    return certificate.Thumbprint == expected.Thumbprint;
                },
            };
            var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{_port}/{Api}"), Timeout = TimeSpan.FromSeconds(30) };
            if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is { HasExited: false })
            {
                Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill();
                    await _process.WaitForExitAsync();
                }
            }
            _process?.Dispose();
            Directory.Delete(_data, recursive: true);
        }

        private ProcessStartInfo StartInfo(params string[] arguments)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(DaemonDll());
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            info.Environment["Gateway__DataDirectory"] = _data;
            info.Environment["Gateway__Api__HttpsPort"] = _port.ToString(CultureInfo.InvariantCulture);
            info.Environment["Gateway__Api__BindAddress"] = "127.0.0.1";
            info.Environment["Gateway__Radios__Simulated__SensorIntervalSeconds"] = "100000";
            return info;
        }

        /// <summary>The daemon built in the same configuration as this benchmark, found from the solution root.</summary>
        private static string DaemonDll()
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = output.Parent!.Name;
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gateway.sln"))) root = root.Parent;
            if (root is null) throw new DirectoryNotFoundException("Gateway.sln not found above the benchmark output");
            var dll = Path.Combine(root.FullName, "src", "Gateway.Daemon", "bin", configuration, "net10.0", "gatewayd.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build the daemon first", dll);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
