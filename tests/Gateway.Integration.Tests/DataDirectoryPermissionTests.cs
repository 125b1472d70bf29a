namespace Gateway.Integration.Tests;

/// <summary>Item 8 of issue 15: with a loose umask the data directory is still the daemon's alone.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DataDirectoryPermissionTests
{
    private const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;

    [Fact]
    public async Task Under_umask_022_the_data_directory_is_0700_and_every_file_in_it_0600()
    {
        var parent = Directory.CreateTempSubdirectory("gatewayd-umask-").FullName;
        var data = Path.Combine(parent, "data");
        try
        {
            await using (var daemon = await DaemonProcess.StartUnderUmaskAsync("022", data))
            {
                using var client = daemon.Client(null);
                Assert.True(File.Exists(Path.Combine(data, "gateway.db-wal")), "the WAL exists while the daemon runs");
                AssertPrivate(data);
                await daemon.StopAsync();
                Assert.True(daemon.ExitCode == 0, daemon.Output);
            }
            AssertPrivate(data);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private static void AssertPrivate(string data)
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("gateway.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("api-certificate.pfx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
            Assert.True((File.GetUnixFileMode(file) & GroupOrOther) == 0, $"{file} is {File.GetUnixFileMode(file)}");
        foreach (var directory in Directory.GetDirectories(data, "*", SearchOption.AllDirectories))
            Assert.True((File.GetUnixFileMode(directory) & GroupOrOther) == 0, $"{directory} is {File.GetUnixFileMode(directory)}");
    }
}
