namespace Gateway.Integration.Tests;

/// <summary>Item 12 of issue 15: the executions table keeps a bounded history (Gateway:History:*).</summary>
public class HistoryRetentionTests
{
    [Fact]
    public async Task History_beyond_MaxExecutions_is_pruned_at_start_keeping_the_newest()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token;
            var ids = new List<string>();
            await using (var first = await DaemonProcess.StartAsync(data))
            {
                token = await first.CreateTokenAsync("retention");
                using var client = first.Client(token);
                var light = $"sim://{await client.GatewayIdAsync()}/1100006";
                var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
                for (var i = 1; i <= 5; i++)
                {
                    var execId = await client.ApplyAsync(light, "setIntensity", i * 10);
                    await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
                    ids.Add(execId);
                }
                Assert.Equal(5, (await client.GetJsonAsync("history/executions")).Body.GetArrayLength());
                await first.StopAsync();
            }

            await using var second = await DaemonProcess.StartAsync(data, "--Gateway:History:MaxExecutions=2");
            using var again = second.Client(token);
            var (_, history) = await again.GetJsonAsync("history/executions");
            var kept = history.EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
            Assert.Equal(ids.TakeLast(2).Reverse(), kept);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
