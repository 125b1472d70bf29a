using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gateway.Benchmarks;

/// <summary>
/// The push stream against polling, through the real daemon over HTTPS:
/// <list type="bullet">
/// <item>throughput: a simulated sensor reports N readings back to back (<c>states/series</c>); the time until each of
/// 10 clients has received the last one, with 10 SSE streams, then with 10 listeners each fetching in a tight loop;</item>
/// <item>latency: one reading set through the simulation, timed from the request until its <c>data:</c> line is read
/// from an SSE stream (an upper bound of state change → frame on the socket: it includes the HTTPS request).</item>
/// </list>
/// </summary>
public static class EventStreamBenchmark
{
    private const int Clients = 10;
    private const string Sensor = "1100008%231";

    public static async Task<string> RunAsync(int events, int samples)
    {
        await using var daemon = await BenchDaemon.StartAsync("events", new Dictionary<string, string>
        {
            ["Gateway__Listeners__MaxListenersPerToken"] = "16",
            ["Gateway__EventStream__MaxStreamsPerToken"] = "16",
            // The producer bursts far faster than any home; with room for the whole burst in every stream's queue and
            // every listener's buffer, the throughput rows compare deliveries rather than slow-client drops.
            ["Gateway__EventStream__ClientQueueCapacity"] = (events + 1000).ToString(CultureInfo.InvariantCulture),
            ["Gateway__Listeners__MaxEventsPerListener"] = (2 * events + 1000).ToString(CultureInfo.InvariantCulture),
        });
        var token = await daemon.CreateTokenAsync();
        using var client = daemon.Client(token);

        var alone = await TimeSeriesAsync(client, 1, events);
        var (sseTime, sseComplete, sseDropped) = await StreamAsync(daemon, token, client, 1 + events, events);
        var (pollTime, pollComplete, fetches) = await PollAsync(client, 1 + 2 * events, events);
        var (p50, p99, max, putP50, putP99) = await LatencyAsync(daemon, token, client, samples);

        string Rate(TimeSpan elapsed) => (events / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
        return $"""
            | measure | value |
            |---|---|
            | readings per run (`states/series`, one event each) | {events} |
            | readings reported with no consumer (the producer alone) | {Rate(alone)} events/s ({alone.TotalMilliseconds:F0} ms) |
            | 10 SSE streams: until all 10 have the last event | {sseTime.TotalMilliseconds:F0} ms, {Rate(sseTime)} events/s per client, {events * Clients / sseTime.TotalSeconds:N0} frames/s in all; {sseComplete} of 10 got every event, {sseDropped} dropped |
            | 10 polling listeners (fetch in a tight loop): until all 10 have the last event | {pollTime.TotalMilliseconds:F0} ms, {Rate(pollTime)} events/s per client; {pollComplete} of 10 got every event; {fetches} fetches |
            | reading set (`PUT …/simulation/…/states`) → its SSE `data:` line read, p50 ({samples} samples) | {p50:F2} ms |
            | same, p99 | {p99:F2} ms |
            | same, max | {max:F2} ms |
            | the `PUT` request alone (answered once the report is published), p50 / p99 | {putP50:F2} / {putP99:F2} ms |
            """;
    }

    private static async Task<TimeSpan> TimeSeriesAsync(HttpClient client, int from, int count)
    {
        var started = Stopwatch.GetTimestamp();
        await client.PutJsonAsync($"/gatewayd/simulation/devices/{Sensor}/states/series",
            $$"""{"name":"core:TemperatureState","from":{{from}},"count":{{count}}}""");
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>10 SSE streams read every frame; returns the time until the last has the final reading, and how many saw all.</summary>
    private static async Task<(TimeSpan Elapsed, int Complete, int Dropped)> StreamAsync(BenchDaemon daemon, string token, HttpClient client, int from, int count)
    {
        var last = $"\"value\":{from + count - 1}}}";
        var streams = new List<(HttpClient Http, HttpResponseMessage Response, StreamReader Reader)>();
        for (var i = 0; i < Clients; i++) streams.Add(await OpenAsync(daemon, token));
        var started = Stopwatch.GetTimestamp();
        var readers = streams.Select(s => Task.Run(async () =>
        {
            var seen = 0;
            try
            {
                while (await s.Reader.ReadLineAsync() is { } line)
                {
                    // Only this run's readings count: the previous run's last events may still be on their way.
                    if (!line.StartsWith("data: ", StringComparison.Ordinal) || !IsReadingOfThisRun(line, from)) continue;
                    seen++;
                    if (line.Contains(last, StringComparison.Ordinal)) return (Stopwatch.GetElapsedTime(started), seen);
                }
            }
            catch (IOException)
            {
                // Dropped for falling behind.
            }
            return (Stopwatch.GetElapsedTime(started), -1);
        })).ToList();
        await TimeSeriesAsync(client, from, count);
        var results = await Task.WhenAll(readers);
        foreach (var (http, response, reader) in streams)
        {
            reader.Dispose();
            response.Dispose();
            http.Dispose();
        }
        return (results.Max(r => r.Item1), results.Count(r => r.Item2 == count), results.Count(r => r.Item2 < 0));
    }

    private static bool IsReadingOfThisRun(string line, int from)
    {
        var at = line.IndexOf("\"value\":", StringComparison.Ordinal);
        if (at < 0 || !line.Contains("core:TemperatureState", StringComparison.Ordinal)) return false;
        var digits = line.AsSpan(at + "\"value\":".Length);
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end])) end++;
        return int.TryParse(digits[..end], CultureInfo.InvariantCulture, out var value) && value >= from;
    }

    /// <summary>10 listeners, each fetched in a loop until it has the final reading.</summary>
    private static async Task<(TimeSpan Elapsed, int Complete, int Fetches)> PollAsync(HttpClient client, int from, int count)
    {
        var last = $"\"value\":{from + count - 1}}}";
        var ids = new List<string>();
        for (var i = 0; i < Clients; i++) ids.Add((await client.PostJsonAsync("events/register")).GetProperty("id").GetString()!);
        var fetches = 0;
        var started = Stopwatch.GetTimestamp();
        var pollers = ids.Select(id => Task.Run(async () =>
        {
            var seen = 0;
            while (true)
            {
                Interlocked.Increment(ref fetches);
                using var response = await client.PostAsync($"events/{id}/fetch", null);
                var text = await response.Content.ReadAsStringAsync();
                seen += CountOf(text, "\"name\":\"DeviceStateChangedEvent\"");
                if (text.Contains(last, StringComparison.Ordinal)) return (Stopwatch.GetElapsedTime(started), seen);
            }
        })).ToList();
        await TimeSeriesAsync(client, from, count);
        var results = await Task.WhenAll(pollers);
        foreach (var id in ids) await client.PostJsonAsync($"events/{id}/unregister");
        return (results.Max(r => r.Item1), results.Count(r => r.Item2 == count), fetches);
    }

    private static async Task<(double P50, double P99, double Max, double PutP50, double PutP99)> LatencyAsync(BenchDaemon daemon, string token, HttpClient client, int samples)
    {
        var (http, response, reader) = await OpenAsync(daemon, token);
        using (http)
        using (response)
        using (reader)
        {
            var latencies = new List<double>();
            var puts = new List<double>();
            for (var i = 0; i < samples + 20; i++)
            {
                var value = 1_000_000 + i;
                var started = Stopwatch.GetTimestamp();
                var put = client.PutJsonAsync($"/gatewayd/simulation/devices/{Sensor}/states", $$"""[{"name":"core:TemperatureState","value":{{value}}}]""")
                    .ContinueWith(_ => Stopwatch.GetElapsedTime(started), TaskScheduler.Default);
                var expected = $"\"value\":{value}}}";
                while (await reader.ReadLineAsync() is { } line && !line.Contains(expected, StringComparison.Ordinal))
                {
                }
                var arrived = Stopwatch.GetElapsedTime(started);
                var putTime = await put;
                if (i < 20) continue; // warm-up
                latencies.Add(arrived.TotalMilliseconds);
                puts.Add(putTime.TotalMilliseconds);
            }
            latencies.Sort();
            puts.Sort();
            return (Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], Percentile(puts, 0.50), Percentile(puts, 0.99));
        }
    }

    private static async Task<(HttpClient Http, HttpResponseMessage Response, StreamReader Reader)> OpenAsync(BenchDaemon daemon, string token)
    {
        var http = daemon.Client(token);
        http.Timeout = Timeout.InfiniteTimeSpan;
        var response = await http.GetAsync("events/stream", HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"events/stream: {(int)response.StatusCode}");
        return (http, response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
