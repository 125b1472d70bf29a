using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Discrete triggers and the gateway-wide trigger switch through the local API, across a restart.</summary>
public class TriggerTypesTests
{
    [Fact]
    public async Task A_discrete_trigger_runs_the_scene_of_each_value_and_the_switch_silences_every_trigger()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, triggerOid;
            await using (var daemon = await DaemonProcess.StartAsync(data))
            {
                token = await daemon.CreateTokenAsync("discrete");
                using var client = daemon.Client(token);
                var gateway = await client.GatewayIdAsync();
                var hall = $"sim://{gateway}/1100005";
                var lamp = $"sim://{gateway}/1100006";
                var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
                var off = await client.ApplyAsync(hall, "off");
                await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(off)));
                var dim = await SceneAsync(client, "Dim the lamp", lamp, 30);
                var bright = await SceneAsync(client, "Brighten the lamp", lamp, 100);

                var (created, ids) = await client.PostJsonAsync("triggers", $$"""
                    {"discreteTrigger":{"label":"Lamp follows the hall light","mode":1,"deviceURL":"{{hall}}","stateName":"core:OnOffState",
                      "effectsList":[{"key":"on","effects":[{"actionGroupEffect":{"actionGroupOID":"{{dim}}"} }]},
                                     {"key":"off","effects":[{"actionGroupEffect":{"actionGroupOID":"{{bright}}"} }]}],
                      "activationDelays":{"map":{"on":1} },"executeAlways":false} }
                    """);
                Assert.True(created == 201, ids.ToString());
                triggerOid = ids.GetProperty("setupTriggerOID").GetString()!;
                Assert.Equal(1, (await client.GetJsonAsync("triggers/discreteTrigger")).Body.GetArrayLength());
                Assert.Equal(0, (await client.GetJsonAsync("triggers/ifThenSetupTrigger")).Body.GetArrayLength());
                Assert.Equal(400, (await client.GetJsonAsync($"triggers/ifThenSetupTrigger/{triggerOid}")).Status);
                var (_, fetched) = await client.GetJsonAsync($"triggers/discreteTrigger/{triggerOid}");
                Assert.Equal("core:OnOffState", fetched.GetProperty("discreteTrigger").GetProperty("stateName").GetString());
                await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "SetupTriggerCreatedEvent"
                    && e.GetProperty("setupTriggerType").GetInt32() == 2));

                await client.ApplyAsync(hall, "on");
                await WaitForRunAsync(client, triggerOid, "Dim the lamp");

                var update = fetched.GetProperty("discreteTrigger").GetRawText().Replace("Lamp follows the hall light", "Lamp mirrors the hall light", StringComparison.Ordinal);
                using (var put = await client.PutAsync("triggers", new StringContent($"{{\"discreteTrigger\":{update}}}", System.Text.Encoding.UTF8, "application/json")))
                {
                    Assert.Equal(200, (int)put.StatusCode);
                    using var updated = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
                    Assert.Equal("Lamp mirrors the hall light", updated.RootElement.GetProperty("discreteTrigger").GetProperty("label").GetString());
                    Assert.Equal(triggerOid, updated.RootElement.GetProperty("discreteTrigger").GetProperty("oid").GetString());
                }

                Assert.True((await client.GetJsonAsync("triggers/status")).Body.GetProperty("enabled").GetBoolean());
                using (var disable = await client.PutJsonAsync("triggers/status", new { enabled = false })) Assert.Equal(200, (int)disable.StatusCode);
                await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "GatewayFunctionChangedEvent"
                    && !e.GetProperty("enabled").GetBoolean()));
                await client.ApplyAsync(hall, "off");
                await WaitForActiveValueAsync(client, triggerOid, "off");
                await Task.Delay(1000);
                Assert.DoesNotContain((await client.GetJsonAsync("history/executions")).Body.EnumerateArray(),
                    h => h.GetProperty("label").GetString() == "Brighten the lamp");

                using (var test = await client.PutJsonAsync($"triggers/test/discrete/{triggerOid}", new { targetValue = "off" }))
                    Assert.Equal(200, (int)test.StatusCode);
                await WaitForRunAsync(client, "test", "Brighten the lamp");
                await daemon.StopAsync();
            }

            await using var again = await DaemonProcess.StartAsync(data);
            using var restarted = again.Client(token);
            Assert.False((await restarted.GetJsonAsync("triggers/status")).Body.GetProperty("enabled").GetBoolean());
            var (_, listed) = await restarted.GetJsonAsync("triggers");
            Assert.Equal([triggerOid], listed.EnumerateArray().Select(t => t.GetProperty("discreteTrigger").GetProperty("oid").GetString()));
            using (var bad = await restarted.PutJsonAsync("triggers/status", new { enabled = "maybe" })) Assert.Equal(400, (int)bad.StatusCode);
            using (var delete = await restarted.DeleteAsync($"triggers/discreteTrigger/{triggerOid}")) Assert.Equal(204, (int)delete.StatusCode);
            Assert.Equal(0, (await restarted.GetJsonAsync("triggers")).Body.GetArrayLength());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> SceneAsync(HttpClient client, string label, string lamp, int intensity)
    {
        var scene = JsonSerializer.Serialize(new
        {
            label,
            actions = new[] { new { deviceURL = lamp, commands = new[] { new { name = "setIntensity", parameters = new[] { intensity } } } } },
        });
        return (await client.PostJsonAsync("actionGroups", scene)).Body.GetProperty("actionGroupOID").GetString()!;
    }

    private static async Task WaitForRunAsync(HttpClient client, string triggerOid, string label)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var (_, history) = await client.GetJsonAsync("history/executions");
            var run = history.EnumerateArray().FirstOrDefault(h => h.GetProperty("source").GetString() == $"trigger:{triggerOid}" && h.GetProperty("label").GetString() == label);
            if (run.ValueKind == JsonValueKind.Object)
            {
                // A test run is a client's request; a firing is the gateway's own trigger.
                Assert.Equal(triggerOid == "test" ? "Immediate execution" : "Raw trigger (Gateway)", run.GetProperty("type").GetString());
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the trigger never ran {label}");
    }

    private static async Task WaitForActiveValueAsync(HttpClient client, string triggerOid, string value)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var (_, status) = await client.GetJsonAsync($"triggers/discreteTrigger/{triggerOid}/status");
            if (status.GetProperty("subTriggersStatus").EnumerateArray().Any(s => s.GetProperty("triggerName").GetString() == value && s.GetProperty("active").GetBoolean())) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the value {value} never became active");
    }
}
