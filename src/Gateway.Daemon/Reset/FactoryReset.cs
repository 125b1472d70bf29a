using Gateway.Daemon.Backup;
using Gateway.Daemon.Security;
using Gateway.Storage;
using Gateway.Storage.Cloud;

namespace Gateway.Daemon.Reset;

/// <summary>
/// The data-directory half of a factory reset (docs/factory-reset.md). The running daemon only writes a marker and
/// restarts; the wipe runs at the next start before anything opens the files, so a crash half-way simply wipes the
/// rest at the start after. The old database is kept only until the new one exists, so that the RTS address records
/// can be carried over (an RFY address once used must never be handed out again), then it is deleted.
/// </summary>
public static class FactoryReset
{
    public const string MarkerName = "factory-reset";
    public const string LeftoverDatabaseName = "factory-reset-leftover.db";
    private static readonly string[] DatabaseSuffixes = ["", "-wal", "-shm"];

    public static string MarkerOf(string dataDirectory) => Path.Combine(dataDirectory, MarkerName);

    public static bool IsRequested(string dataDirectory) => File.Exists(MarkerOf(dataDirectory));

    public static void Request(string dataDirectory)
    {
        using var marker = File.Create(MarkerOf(dataDirectory));
        marker.Flush(flushToDisk: true);
    }

    /// <summary>Wipes what makes this gateway itself if a reset was requested; returns what it removed, or null when none was.</summary>
    public static IReadOnlyList<string>? ApplyIfRequested(string dataDirectory)
    {
        if (!IsRequested(dataDirectory)) return null;
        var removed = new List<string>();
        var database = Path.Combine(dataDirectory, SqliteDatabase.FileName);
        var leftover = Path.Combine(dataDirectory, LeftoverDatabaseName);
        foreach (var suffix in DatabaseSuffixes)
        {
            if (!File.Exists(database + suffix)) continue;
            File.Move(database + suffix, leftover + suffix, overwrite: true);
            removed.Add(SqliteDatabase.FileName + suffix);
        }
        foreach (var name in new[] { CertificateProvider.FileName, SqliteCloudOutbox.LegacyFileName })
            if (Delete(Path.Combine(dataDirectory, name))) removed.Add(name);
        foreach (var folder in Directory.GetDirectories(dataDirectory))
        {
            var name = Path.GetFileName(folder);
            // A staged restore, the files a restore replaced, and the logs (they name devices and places).
            if (name is not (PendingRestore.FolderName or "logs") && !name.StartsWith("replaced-", StringComparison.Ordinal)) continue;
            Directory.Delete(folder, recursive: true);
            removed.Add(name + "/");
        }
        File.Delete(MarkerOf(dataDirectory));
        return removed;
    }

    /// <summary>After the new database is open: carries the RTS address records over, then deletes the old database.</summary>
    public static void CompleteAfterOpen(string dataDirectory, Microsoft.Extensions.Logging.ILogger log)
    {
        var leftover = Path.Combine(dataDirectory, LeftoverDatabaseName);
        if (!File.Exists(leftover)) return;
        RtsAllocationCarryOver.Apply(Path.Combine(dataDirectory, SqliteDatabase.FileName), leftover, log);
        foreach (var suffix in DatabaseSuffixes) Delete(leftover + suffix);
    }

    private static bool Delete(string path)
    {
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }
}
