using System.Runtime.InteropServices;

namespace Gateway.Daemon.Security;

/// <summary>
/// Everything in the data directory (database, its -wal/-shm, logs, the certificate's private key, tokens' hashes) is
/// the daemon's alone, whatever umask it was started with: directories 0700, files 0600.
/// </summary>
public static partial class PrivateFiles
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;

    /// <summary>From here on, files and directories this process creates get no group or other bits.</summary>
    public static void RestrictUmask()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = Umask(0b000_111_111);
    }

    /// <summary>Creates the data directory if needed and tightens it and what an earlier, looser start left in it.</summary>
    public static void PrepareDataDirectory(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
            return;
        }
        Directory.CreateDirectory(dataDirectory, DirectoryMode);
        Tighten(dataDirectory, DirectoryMode);
        foreach (var entry in new DirectoryInfo(dataDirectory).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (entry.LinkTarget is not null) continue;
            Tighten(entry.FullName, entry is DirectoryInfo ? DirectoryMode : FileMode);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Tighten(string path, UnixFileMode mode)
    {
        try
        {
            if ((File.GetUnixFileMode(path) & GroupOrOther) != 0) File.SetUnixFileMode(path, mode);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not ours to change (a mount point, another owner): the daemon still runs.
        }
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);
}
