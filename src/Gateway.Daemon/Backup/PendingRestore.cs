using Microsoft.Extensions.Logging;

namespace Gateway.Daemon.Backup;

/// <summary>
/// A restore is staged by the running daemon (checked, in <c>DATA/restore/</c>, with a <c>ready</c> marker written
/// last) and applied at the next start, before the database is opened: nothing has the files open then, and a crash
/// half-way simply applies the rest at the start after. What it replaces is kept in <c>DATA/replaced-TIME/</c>.
/// </summary>
public static class PendingRestore
{
    public const string FolderName = "restore";
    private const string ReadyMarker = "ready";

    public static string FolderOf(string dataDirectory) => Path.Combine(dataDirectory, FolderName);

    public static void MarkReady(string dataDirectory)
    {
        using var marker = File.Create(Path.Combine(FolderOf(dataDirectory), ReadyMarker));
        marker.Flush(flushToDisk: true);
    }

    /// <summary>Applies a staged restore if there is one; true when it did.</summary>
    public static bool ApplyIfStaged(string dataDirectory, ILogger log)
    {
        var staged = FolderOf(dataDirectory);
        if (!File.Exists(Path.Combine(staged, ReadyMarker)))
        {
            if (Directory.Exists(staged)) Directory.Delete(staged, recursive: true); // an upload that never finished
            return false;
        }
        var aside = Path.Combine(dataDirectory, $"replaced-{DateTime.UtcNow:yyyyMMddHHmmss}");
        Directory.CreateDirectory(aside);
        foreach (var entry in new[] { BackupArchive.DatabaseEntry, BackupArchive.CertificateEntry })
        {
            var incoming = Path.Combine(staged, entry);
            if (!File.Exists(incoming)) continue; // moved in by an earlier, interrupted start
            var target = Path.Combine(dataDirectory, entry);
            var companions = entry == BackupArchive.DatabaseEntry ? new[] { "", "-wal", "-shm" } : [""];
            foreach (var suffix in companions)
                if (File.Exists(target + suffix)) File.Move(target + suffix, Path.Combine(aside, entry + suffix), overwrite: true);
            File.Move(incoming, target);
            if (entry == BackupArchive.DatabaseEntry) RtsAllocationCarryOver.Apply(target, Path.Combine(aside, entry), log);
        }
        Directory.Delete(staged, recursive: true);
        log.LogWarning("Restored the backup staged by gatewayctl restore; the replaced files are in {Aside}", aside);
        return true;
    }
}
