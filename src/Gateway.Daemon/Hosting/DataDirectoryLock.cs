using System.Globalization;

namespace Gateway.Daemon.Hosting;

/// <summary>
/// One daemon per data directory: an exclusive lock on <c>gatewayd.lock</c>, held for the daemon's life and released
/// by the kernel when the process ends (kill -9 included). On Linux, .NET takes FileShare.None as flock(LOCK_EX), so a
/// second process cannot open the file at all, not even to read; the holder's pid therefore goes to
/// <c>gatewayd.pid</c> beside it, which is only believed while the lock is held.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string LockFileName = "gatewayd.lock";
    public const string PidFileName = "gatewayd.pid";

    private readonly FileStream _lock;

    private DataDirectoryLock(FileStream lockStream) => _lock = lockStream;

    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        var lockPath = Path.Combine(dataDirectory, LockFileName);
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException)
        {
            throw new StartupException($"data directory {dataDirectory} is not writable by this user ({lockPath}); fix its permissions or choose another --Gateway:DataDirectory");
        }
        catch (IOException)
        {
            throw new StartupException(
                $"another gatewayd ({Holder(dataDirectory)}) is already running on data directory {dataDirectory}; stop it or choose another --Gateway:DataDirectory",
                ExitCodes.Failure);
        }

        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        stream.SetLength(0);
        stream.Write(System.Text.Encoding.ASCII.GetBytes(pid + "\n"));
        stream.Flush();
        File.WriteAllText(Path.Combine(dataDirectory, PidFileName), pid + "\n");
        return new DataDirectoryLock(stream);
    }

    private static string Holder(string dataDirectory)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(dataDirectory, PidFileName)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? $"pid {pid}" : "pid unknown";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "pid unknown";
        }
    }

    public void Dispose() => _lock.Dispose();
}
