using System.Diagnostics;

namespace Gateway.Integration.Tests;

/// <summary>
/// A 2 MB tmpfs the test mounts (root only) to fill up on purpose, and a filler file that takes every free byte.
/// </summary>
public sealed class SmallTmpfs : IAsyncDisposable
{
    private SmallTmpfs(string mountPoint) => MountPoint = mountPoint;

    public string MountPoint { get; }
    public string DataDirectory => Path.Combine(MountPoint, "data");
    private string FillerPath => Path.Combine(MountPoint, "filler");

    /// <summary>Mounts one, or says why it cannot (then the caller skips).</summary>
    public static async Task<(SmallTmpfs? Tmpfs, string? Reason)> TryMountAsync()
    {
        if (!OperatingSystem.IsLinux()) return (null, "tmpfs needs Linux");
        if (Environment.UserName != "root" && (await RunAsync("id", "-u")).Output.Trim() != "0")
            return (null, "mounting a tmpfs needs root; run the tests as root to cover the disk-full behaviour");
        var mountPoint = Directory.CreateTempSubdirectory("gatewayd-tmpfs-").FullName;
        var (exit, output) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint);
        if (exit != 0)
        {
            Directory.Delete(mountPoint);
            return (null, $"mount -t tmpfs failed ({output.Trim()})");
        }
        return (new SmallTmpfs(mountPoint), null);
    }

    /// <summary>Writes a file until the file system refuses another byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(FillerPath, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1);
        foreach (var size in new[] { 64 * 1024, 4096, 512, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true) filler.Write(chunk);
            }
            catch (IOException)
            {
                // ENOSPC at this granularity; try smaller pieces.
            }
        }
    }

    public void Free() => File.Delete(FillerPath);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", MountPoint);
        try
        {
            Directory.Delete(MountPoint, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
