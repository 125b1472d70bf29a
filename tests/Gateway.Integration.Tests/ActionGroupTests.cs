using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Scenes and scheduled executions through the local API, across a restart.</summary>
public class ActionGroupTests
{
    [Fact]
    public async Task A_scene_is_created_run_scheduled_and_survives_a_restart()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, oid, gateway, laterTrigger;
            await using (var daemon = await DaemonProcess.StartAsync(data))
            {
                token = await daemon.CreateTokenAsync("scenes");
                using var client = daemon.Client(token);
                gateway = await client.GatewayIdAsync();
                var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;

                var scene = Scene("Evening", gateway, "1100005", "on");
                var (status, created) = await client.PostJsonAsync("actionGroups", scene);
                Assert.Equal(201, status);
                oid = created.GetProperty("actionGroupOID").GetString()!;
                await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "ActionGroupCreatedEvent"));

                var (_, fetched) = await client.GetJsonAsync($"actionGroups/{oid}");
                Assert.Equal("Evening", fetched.GetProperty("label").GetString());
                Assert.Equal($"sim://{gateway}/1100005", fetched.GetProperty("actions")[0].GetProperty("deviceURL").GetString());

                using (var update = new HttpRequestMessage(HttpMethod.Put, "actionGroups")
                {
                    Content = new StringContent(Scene("Evening lights", gateway, "1100006", "setIntensity", "30", oid), System.Text.Encoding.UTF8, "application/json"),
                })
                using (var updated = await client.SendAsync(update))
                    Assert.Equal(200, (int)updated.StatusCode);

                var (_, run) = await client.PostJsonAsync($"exec/{oid}");
                var execId = run.GetProperty("execId").GetString()!;
                var events = await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(execId)));
                Assert.Equal("COMPLETED", events.Single(e => e.IsExecutionEnd(execId)).GetProperty("newState").GetString());
                var (_, intensity) = await client.GetJsonAsync($"setup/devices/{Uri.EscapeDataString($"sim://{gateway}/1100006")}/states/core%3ALightIntensityState");
                Assert.Equal(30, intensity.GetProperty("value").GetInt32());

                var soon = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeMilliseconds();
                var (scheduled, trigger) = await client.PostJsonAsync($"exec/schedule/{oid}/{soon}");
                Assert.Equal(200, scheduled);
                var soonTrigger = trigger.GetProperty("triggerId").GetString()!;
                var later = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
                laterTrigger = (await client.PostJsonAsync($"exec/schedule/{oid}/{later}")).Body.GetProperty("triggerId").GetString()!;
                Assert.Equal(2, (await client.GetJsonAsync($"exec/schedule/{oid}")).Body.GetArrayLength());

                var registered = await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "ExecutionRegisteredEvent"
                    && e.GetProperty("execId").GetString() != execId), seconds: 15);
                var scheduledExecId = registered.First(e => e.GetProperty("name").GetString() == "ExecutionRegisteredEvent"
                    && e.GetProperty("execId").GetString() != execId).GetProperty("execId").GetString()!;
                if (!registered.Any(e => e.IsExecutionEnd(scheduledExecId)))
                    await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(scheduledExecId)));
                var (_, history) = await client.GetJsonAsync("history/executions");
                var delayed = history.EnumerateArray().Single(h => h.GetProperty("source").GetString() == $"schedule:{soonTrigger}");
                Assert.Equal(("Delayed execution", "MANUAL_CONTROL"), (delayed.GetProperty("type").GetString(), delayed.GetProperty("subType").GetString()));
                var immediate = history.EnumerateArray().Single(h => h.GetProperty("id").GetString() == execId);
                Assert.Equal(("Immediate execution", "MANUAL_CONTROL"), (immediate.GetProperty("type").GetString(), immediate.GetProperty("subType").GetString()));
                await daemon.StopAsync();
            }

            await using var again = await DaemonProcess.StartAsync(data);
            using var restarted = again.Client(token);
            Assert.Equal("Evening lights", (await restarted.GetJsonAsync($"actionGroups/{oid}")).Body.GetProperty("label").GetString());
            var remaining = (await restarted.GetJsonAsync("exec/schedule")).Body;
            Assert.Equal([laterTrigger], remaining.EnumerateArray().Select(s => s.GetProperty("triggerId").GetString()));

            using (var cancel = await restarted.DeleteAsync($"exec/delayedTriggerSchedule/{laterTrigger}")) Assert.Equal(204, (int)cancel.StatusCode);
            Assert.Equal(0, (await restarted.GetJsonAsync("exec/schedule")).Body.GetArrayLength());
            using (var delete = await restarted.DeleteAsync($"actionGroups/{oid}")) Assert.Equal(204, (int)delete.StatusCode);
            Assert.Equal(400, (await restarted.GetJsonAsync($"actionGroups/{oid}")).Status);
            Assert.Equal(400, (await restarted.PostJsonAsync($"exec/{oid}")).Status);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_scene_on_an_unknown_device_is_refused_with_the_box_error()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            await using var daemon = await DaemonProcess.StartAsync(data);
            using var client = daemon.Client(await daemon.CreateTokenAsync("scenes"));
            var gateway = await client.GatewayIdAsync();

            var (status, body) = await client.PostJsonAsync("actionGroups", Scene("Nope", gateway, "9999999", "on"));

            Assert.Equal(400, status);
            Assert.Equal("NO_SUCH_DEVICE", body.GetProperty("errorCode").GetString());
            Assert.Equal(0, (await client.GetJsonAsync("actionGroups")).Body.GetArrayLength());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Scene(string label, string gateway, string address, string command, string? parameter = null, string? oid = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["label"] = label,
            ["oid"] = oid,
            ["actions"] = new[]
            {
                new { deviceURL = $"sim://{gateway}/{address}", commands = new[] { new { name = command, parameters = parameter is null ? Array.Empty<int>() : [int.Parse(parameter)] } } },
            },
        });
}
