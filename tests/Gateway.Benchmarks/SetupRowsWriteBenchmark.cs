using System.Globalization;
using System.Text;
using Gateway.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks;

/// <summary>
/// Bytes the process hands to write() (SQLite's WAL frames and fsyncs included, as /proc/self/io counts them) for one
/// changed trigger among <c>count</c>: stored as one settings document (the layout before issue 14) and as rows.
/// </summary>
public static class SetupRowsWriteBenchmark
{
    /// <summary>About the size of one stored if-then trigger of the scale benchmark (670 KB for 900).</summary>
    private const int ItemBytes = 745;

    public static async Task<string> RunAsync(int count, int samples)
    {
        var directory = Directory.CreateTempSubdirectory("gatewayd-rows-bench-").FullName;
        try
        {
            await using var database = await SqliteDatabase.OpenAsync(directory, NullLogger.Instance, default);
            var settings = new SqliteSettingsStore(database);
            var items = Enumerable.Range(0, count).Select(i => Item(i, 0)).ToList();
            var document = await MeasureAsync(settings, "bench.oneDocument", items, samples, renamed: false);
            var rows = await MeasureAsync(settings, "automation.triggers", items, samples, renamed: false);
            var documentRenamed = await MeasureAsync(settings, "bench.oneDocument2", items, samples, renamed: true);
            var rowsRenamed = await MeasureAsync(settings, "automation.discreteTriggers", items, samples, renamed: true);
            var size = Encoding.UTF8.GetByteCount("[" + string.Join(",", items) + "]");
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"| Triggers in the list (each ≈ {ItemBytes} B of JSON) | {count} ({size / 1024.0:F0} KB) |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Same-length edit of one trigger, one settings document (before), median of {samples} | {document / 1024.0:F1} KB |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Same-length edit of one trigger, one row per trigger (after), median of {samples} | {rows / 1024.0:F1} KB |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Edit that changes one trigger's length (a rename), one settings document (before), median of {samples} | {documentRenamed / 1024.0:F1} KB |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Edit that changes one trigger's length (a rename), one row per trigger (after), median of {samples} | {rowsRenamed / 1024.0:F1} KB |");
            return report.ToString();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> MeasureAsync(SqliteSettingsStore settings, string key, List<string> items, int samples, bool renamed)
    {
        var current = new List<string>(items);
        await settings.SetAsync(key, "[" + string.Join(",", current) + "]", default);
        var written = new List<long>();
        for (var sample = 1; sample <= samples; sample++)
        {
            var index = sample * 37 % current.Count;
            current[index] = renamed ? Item(index, sample).Replace("\"label\":\"", $"\"label\":\"{new string('y', sample)}") : Item(index, sample);
            var array = "[" + string.Join(",", current) + "]";
            var before = WrittenBytes();
            await settings.SetAsync(key, array, default);
            written.Add(WrittenBytes() - before);
        }
        written.Sort();
        return written[written.Count / 2];
    }

    private static string Item(int index, int version)
    {
        var head = $"{{\"oid\":\"{index:D8}-0000-4000-8000-000000000000\",\"version\":{version},\"label\":\"";
        return head + new string('x', ItemBytes - head.Length - 2) + "\"}";
    }

    private static long WrittenBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/io"))
            if (line.StartsWith("wchar:", StringComparison.Ordinal)) return long.Parse(line[6..].Trim(), CultureInfo.InvariantCulture);
        throw new InvalidOperationException("/proc/self/io has no wchar");
    }
}
