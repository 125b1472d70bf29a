using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>
/// Command-scheduling triggers through the local API on the real clock: a one-shot (delayed) trigger and a daily
/// (generic) one both due at the next minute, in a home kept on UTC so the minute is easy to name.
/// </summary>
public class CommandSchedulingTriggerTests
{
    [Fact]
    public async Task Delayed_and_daily_command_triggers_fire_at_their_minute_and_show_in_history()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            await using var daemon = await DaemonProcess.StartAsync(data);
            using var client = daemon.Client(await daemon.CreateTokenAsync("command-triggers"));
            var gateway = await client.GatewayIdAsync();
            var hall = $"sim://{gateway}/1100005";
            var lamp = $"sim://{gateway}/1100006";
            using (var located = await client.PutJsonAsync("setup/location", new { timezone = "UTC", latitude = 48.85, longitude = 2.35 }))
                Assert.Equal(200, (int)located.StatusCode);

            var now = DateTimeOffset.UtcNow;
            if (now.Second >= 55) now = now.AddSeconds(60 - now.Second + 1);   // keep the next minute more than a few seconds away
            var due = now.AddMinutes(1);
            var minute = due.Hour * 60 + due.Minute;

            var (delayedStatus, delayedIds) = await client.PostJsonAsync("triggers", $$"""
                {"delayedCommandsSchedulingTrigger":{"label":"Hall light on once","mode":1,"deviceURL":"{{hall}}",
                  "commandCalls":[{"commandFunctionName":"on","commandParameters":[]}],
                  "commandMinutes":{{minute}},"commandDay":{{due.Day}},"commandMonth":{{due.Month}},"commandYear":{{due.Year}} } }
                """);
            Assert.True(delayedStatus == 201, delayedIds.ToString());
            var delayed = delayedIds.GetProperty("setupTriggerOID").GetString()!;

            var (genericStatus, genericIds) = await client.PostJsonAsync("triggers", $$"""
                {"genericCommandSchedulingTrigger":{"label":"Lamp at 40 every day","mode":1,"deviceURL":"{{lamp}}","commandFunctionName":"setIntensity",
                  "commandSchedules":[{"scheduleTimes":[{"dailyTime":{"minutesOfDay":{{minute}} } }],"parameters":[40],"label":"daily","enabled":true}],
                  "allowFromUnknownValue":true} }
                """);
            Assert.True(genericStatus == 201, genericIds.ToString());
            var generic = genericIds.GetProperty("setupTriggerOID").GetString()!;

            var (_, listed) = await client.GetJsonAsync("triggers");
            Assert.Contains(listed.EnumerateArray(), t => t.TryGetProperty("delayedCommandsSchedulingTrigger", out var d) && d.GetProperty("oid").GetString() == delayed);
            Assert.Contains(listed.EnumerateArray(), t => t.TryGetProperty("genericCommandSchedulingTrigger", out var g) && g.GetProperty("oid").GetString() == generic);
            var (_, status) = await client.GetJsonAsync($"triggers/genericCommandSchedulingTrigger/{generic}/status");
            Assert.Equal(due.ToUnixTimeMilliseconds() / 60_000 * 60_000, status.GetProperty("activationDeadline").GetInt64());

            var runs = await WaitForRunsAsync(client, [delayed, generic], TimeSpan.FromSeconds(90));
            foreach (var run in runs)
            {
                var late = run.GetProperty("effectiveStartTime").GetInt64() - due.ToUnixTimeMilliseconds() / 60_000 * 60_000;
                Assert.InRange(late, 0, 2000);
            }

            var (_, fired) = await client.GetJsonAsync($"triggers/delayedCommandsSchedulingTrigger/{delayed}");
            Assert.Equal("EXECUTED", fired.GetProperty("delayedCommandsSchedulingTrigger").GetProperty("firedResult").GetString());

            var (pastStatus, pastBody) = await client.PostJsonAsync("triggers", $$"""
                {"delayedCommandsSchedulingTrigger":{"label":"Too late","mode":1,"deviceURL":"{{hall}}",
                  "commandCalls":[{"commandFunctionName":"off","commandParameters":[]}],"commandMinutes":600,"commandDay":1,"commandMonth":1,"commandYear":2020} }
                """);
            Assert.Equal(400, pastStatus);
            Assert.Equal("INVALID_PARAMETER", pastBody.GetProperty("errorCode").GetString());
            Assert.Equal(400, (await client.GetJsonAsync($"triggers/discreteTrigger/{generic}")).Status);
            using (var off = await client.PutAsync($"triggers/genericCommandSchedulingTrigger/{generic}/activation/2", null)) Assert.Equal(200, (int)off.StatusCode);
            var (_, offStatus) = await client.GetJsonAsync($"triggers/genericCommandSchedulingTrigger/{generic}/status");
            Assert.Equal(2, offStatus.GetProperty("mode").GetInt32());
            Assert.Equal(JsonValueKind.Null, offStatus.TryGetProperty("activationDeadline", out var deadline) ? deadline.ValueKind : JsonValueKind.Null);
            Assert.Single((await client.GetJsonAsync("triggers/delayedCommandsSchedulingTrigger/status")).Body.EnumerateArray());
            using (var delete = await client.DeleteAsync($"triggers/genericCommandSchedulingTrigger/{generic}")) Assert.Equal(204, (int)delete.StatusCode);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<List<JsonElement>> WaitForRunsAsync(HttpClient client, string[] triggerOids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var (_, history) = await client.GetJsonAsync("history/executions");
            var runs = history.EnumerateArray().Where(h => triggerOids.Any(oid => h.GetProperty("source").GetString() == $"trigger:{oid}")).ToList();
            Assert.All(runs, r => Assert.Equal("GENERIC_COMMAND_SCHEDULING", r.GetProperty("subType").GetString()));
            if (runs.Count >= triggerOids.Length) return runs;
            await Task.Delay(250);
        }
        throw new TimeoutException("the command-scheduling triggers never ran");
    }
}
