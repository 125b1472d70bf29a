using Gateway.Daemon.Hosting;

namespace Gateway.Daemon.Tests;

public class DataDirectoryLockTests
{
    [Fact]
    public void A_held_lock_refuses_a_second_holder_naming_the_first_ones_pid_and_is_free_again_once_released()
    {
        var data = Directory.CreateTempSubdirectory("gatewayd-lock-").FullName;
        try
        {
            using (DataDirectoryLock.Acquire(data))
            {
                var refused = Assert.Throws<StartupException>(() => DataDirectoryLock.Acquire(data));
                Assert.Contains($"pid {Environment.ProcessId}", refused.Message);
                Assert.Contains(data, refused.Message);
                Assert.Equal(ExitCodes.Failure, refused.ExitCode);
            }
            using var again = DataDirectoryLock.Acquire(data);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void A_data_directory_below_a_file_names_the_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<StartupException>(() => DataDirectory.EnsureUsable(Path.Combine(file, "data")));
            Assert.Contains($"{file} is a file", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
