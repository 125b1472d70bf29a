using System.Text.Json;
using Xunit.Abstractions;

namespace Gateway.Integration.Tests;

/// <summary>
/// The data partition fills up under the running daemon (a 2 MB tmpfs and a filler file): writes answer 507, reads
/// go on, nothing acknowledged is lost, SIGTERM is clean and the daemon starts again on the full disk.
/// Needs root to mount the tmpfs; otherwise each test says so and passes without running.
/// </summary>
public class DiskFullTests(ITestOutputHelper output)
{
    private static readonly string[] Fast = ["--Gateway:Engine:StorageRetryDelay=00:00:00.300", "--Gateway:History:StorageRetryDelay=00:00:00.300"];

    [Fact]
    public async Task On_a_full_disk_writes_answer_507_reads_work_and_an_acknowledged_execution_reaches_history_once_space_is_back()
    {
        var (tmpfs, reason) = await SmallTmpfs.TryMountAsync();
        if (tmpfs is null)
        {
            output.WriteLine($"SKIPPED: {reason}");
            return;
        }
        await using (tmpfs)
        {
            await using var daemon = await StartAsync(tmpfs, "--Gateway:Radios:Simulated:TravelSeconds=3");
            using var client = daemon.Client(await CreateTokenAsync(tmpfs));
            var gatewayId = await client.GatewayIdAsync();
            var shutter = $"sim://{gatewayId}/1100001";
            var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
            var execId = await client.ApplyAsync(shutter, "close");

            tmpfs.Fill();
            var refused = await FirstRefusedWriteAsync(client, $"sim://{gatewayId}/1100006");
            Assert.Equal(507, refused.Status);
            Assert.Equal("UNSPECIFIED_ERROR", refused.Body.GetProperty("errorCode").GetString());
            Assert.Contains("storage is full", refused.Body.GetProperty("error").GetString());

            Assert.Equal(200, (await client.GetJsonAsync("setup/devices")).Status);
            Assert.Equal(200, (await client.GetJsonAsync("history/executions")).Status);

            // The shutter closes although its end cannot be written: the execution stays current meanwhile.
            await client.FetchUntilAsync(listener, all => all.Any(e => IsCommandCompleted(e, execId)));
            var (currentStatus, current) = await client.GetJsonAsync($"exec/current/{execId}");
            Assert.True(currentStatus == 200, current.ToString());
            Assert.Equal(execId, current.GetProperty("id").GetString());
            Assert.DoesNotContain(execId, await HistoryIdsAsync(client));

            tmpfs.Free();
            await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
            Assert.Contains(execId, await HistoryIdsAsync(client));
            Assert.Equal(400, (await client.GetJsonAsync($"exec/current/{execId}")).Status);
        }
    }

    [Fact]
    public async Task Sigterm_on_a_full_disk_exits_0_and_the_daemon_starts_on_the_full_disk_and_serves_reads()
    {
        var (tmpfs, reason) = await SmallTmpfs.TryMountAsync();
        if (tmpfs is null)
        {
            output.WriteLine($"SKIPPED: {reason}");
            return;
        }
        await using (tmpfs)
        {
            var token = await CreateTokenAsync(tmpfs);
            string gatewayId;
            await using (var first = await StartAsync(tmpfs))
            {
                using var client = first.Client(token);
                gatewayId = await client.GatewayIdAsync();
                await client.ApplyAsync($"sim://{gatewayId}/1100006", "setIntensity", 30);
                tmpfs.Fill();
                Assert.Equal(507, (await FirstRefusedWriteAsync(client, $"sim://{gatewayId}/1100006")).Status);
                await first.StopAsync();
                Assert.True(first.ExitCode == 0, first.Output);
                Assert.DoesNotContain("Unhandled exception", first.Output);
            }

            await using var second = await StartAsync(tmpfs);
            using var again = second.Client(token);
            Assert.Equal(gatewayId, await again.GatewayIdAsync());
            Assert.Equal(200, (await again.GetJsonAsync("setup/devices")).Status);
            Assert.Equal(200, (await again.GetJsonAsync("history/executions")).Status);
            Assert.Equal(507, (await FirstRefusedWriteAsync(again, $"sim://{gatewayId}/1100006")).Status);
            await second.StopAsync();
            Assert.True(second.ExitCode == 0, second.Output);
        }
    }

    private static async Task<DaemonProcess> StartAsync(SmallTmpfs tmpfs, params string[] extra) =>
        await DaemonProcess.StartAsync(tmpfs.DataDirectory, [.. Fast, .. extra]);

    private static async Task<string> CreateTokenAsync(SmallTmpfs tmpfs)
    {
        var (exit, stdout, stderr) = await DaemonProcess.RunCommandAsync(tmpfs.DataDirectory, "token", "create", "--label", "disk-full");
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }

    /// <summary>
    /// Applies commands until one is refused: the first writes after the fill may still fit in space SQLite already
    /// holds (the tail of its WAL file), so the test cannot know which write meets the full disk first.
    /// </summary>
    private static async Task<(int Status, JsonElement Body)> FirstRefusedWriteAsync(HttpClient client, string deviceUrl)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var body = JsonSerializer.Serialize(new
            {
                label = "fill",
                actions = new[] { new { deviceURL = deviceUrl, commands = new[] { new { name = "setIntensity", parameters = new object[] { attempt % 100 } } } } },
            });
            var answer = await client.PostJsonAsync("exec/apply", body);
            if (answer.Status != 200) return answer;
        }
        throw new InvalidOperationException("50 writes on a full disk all succeeded");
    }

    private static bool IsCommandCompleted(JsonElement e, string execId) =>
        e.GetProperty("name").GetString() == "CommandExecutionStateChangedEvent" && e.GetProperty("execId").GetString() == execId
        && e.GetProperty("newState").GetString() == "COMPLETED";

    private static async Task<List<string>> HistoryIdsAsync(HttpClient client)
    {
        var (status, history) = await client.GetJsonAsync("history/executions");
        Assert.Equal(200, status);
        return history.EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }
}
