using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gateway.Core.History;
using Gateway.Storage;
using Gateway.Storage.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks;

/// <summary>
/// A year of a thermometer reporting every 30 s, written through the history store and rolled up with the default
/// retention; then the latency of the queries a history chart makes, and what the database holds per device.
/// </summary>
public static class StateHistoryBenchmark
{
    private const string Device = "sim://1234-5678-9012/1100008#1";
    private const string State = "core:TemperatureState";
    private const long Day = 86_400_000;

    public static async Task<string> RunAsync(int queries)
    {
        var directory = Directory.CreateTempSubdirectory("gatewayd-history-bench-").FullName;
        try
        {
            var options = new StateHistoryOptions();
            var end = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
            var start = end - 365 * Day;
            long samples = 0;
            var seed = Stopwatch.StartNew();
            await using (var database = await SqliteDatabase.OpenAsync(directory, NullLogger.Instance, default))
            {
                var store = new SqliteStateHistoryStore(database);
                var batch = new List<StateHistorySample>(10_000);
                for (var when = start; when < end; when += 30_000)
                {
                    var hours = (when - start) / 3_600_000.0;
                    var celsius = Math.Round(15 + 8 * Math.Sin(hours * Math.PI / 12) + 6 * Math.Sin(hours * Math.PI / 4380), 2);
                    batch.Add(new StateHistorySample(Device, State, StateHistoryKind.Numeric, when, celsius, null));
                    if (batch.Count == batch.Capacity)
                    {
                        await store.AppendAsync(batch, default);
                        samples += batch.Count;
                        batch.Clear();
                    }
                }
                await store.AppendAsync(batch, default);
                samples += batch.Count;
                var seeded = seed.Elapsed;
                var rollUp = Stopwatch.StartNew();
                var rolled = await store.RollUpAsync(end, options, default);
                rollUp.Stop();

                var monthDaily = await TimeAsync(queries, () => store.ReadAsync(Device, State, StateHistoryResolution.Daily, end - 30 * Day, end, 10_000, default));
                var yearDaily = await TimeAsync(queries, () => store.ReadAsync(Device, State, StateHistoryResolution.Daily, start, end, 10_000, default));
                var yearMonthly = await TimeAsync(queries, () => store.ReadAsync(Device, State, StateHistoryResolution.Monthly, start, end, 10_000, default));
                var rawDay = await TimeAsync(queries, () => store.ReadAsync(Device, State, StateHistoryResolution.Raw, end - Day, end, 10_000, default));

                var full = Path.Combine(directory, "full.db");
                await database.SnapshotToAsync(full, default);
                var empty = Path.Combine(directory, "empty.db");
                var noDays = Path.Combine(directory, "no-days.db");
                await CopyWithoutAsync(full, empty, "DELETE FROM state_history_raw; DELETE FROM state_history_hourly; DELETE FROM state_history_daily; DELETE FROM state_history_series;");
                await CopyWithoutAsync(full, noDays, "DELETE FROM state_history_daily;");
                var held = new FileInfo(full).Length - new FileInfo(empty).Length;
                var perYear = new FileInfo(full).Length - new FileInfo(noDays).Length;

                var table = new StringBuilder();
                table.AppendLine("| Figure | Value |");
                table.AppendLine("|---|---|");
                table.AppendLine(Row("samples written (one year, every 30 s)", $"{samples:N0} in {seeded.TotalSeconds:F1} s ({samples / seeded.TotalSeconds:N0}/s, batches of 10,000)"));
                table.AppendLine(Row("roll-up of the year (one run)", $"{rollUp.Elapsed.TotalSeconds:F1} s: {rolled.HourlyRows:N0} hours, {rolled.DailyRows:N0} days, {rolled.DeletedRows:N0} rows deleted"));
                table.AppendLine(Row($"daily history of the last 30 days (p50 / p99 / max of {queries})", monthDaily));
                table.AppendLine(Row("daily history of the whole year", yearDaily));
                table.AppendLine(Row("monthly history of the whole year", yearMonthly));
                table.AppendLine(Row("raw history of the last day (2,880 samples)", rawDay));
                table.AppendLine(Row($"kept for this state after a year (raw {options.RawSampleDays} d, hourly {options.HourlyDays} d, daily {options.DailyYears} y)", $"{held / 1024.0:N0} KiB"));
                table.AppendLine(Row("growth per state per year once raw and hourly levels are full (365 daily rows)", $"{perYear / 1024.0:N0} KiB"));
                return table.ToString();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Row(string figure, string value) => $"| {figure} | {value} |";

    private static async Task<string> TimeAsync(int queries, Func<Task<StateHistorySeries?>> query)
    {
        var points = (await query())!.Points.Count;
        var times = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        string Ms(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
        return $"{Ms(times[queries / 2])} / {Ms(times[(int)(queries * 0.99)])} / {Ms(times[^1])} ms ({points} points)";
    }

    private static async Task CopyWithoutAsync(string source, string target, string deletions)
    {
        File.Copy(source, target);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = deletions + " VACUUM;";
        await command.ExecuteNonQueryAsync();
    }
}
