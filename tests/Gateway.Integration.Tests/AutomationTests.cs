using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Condition groups and if-then triggers through the local API, on the simulated home, across a restart.</summary>
public class AutomationTests
{
    [Fact]
    public async Task A_trigger_runs_its_scene_when_its_condition_becomes_true_and_survives_a_restart()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            string token, triggerOid, conditionGroupOid;
            await using (var daemon = await DaemonProcess.StartAsync(data))
            {
                token = await daemon.CreateTokenAsync("automation");
                using var client = daemon.Client(token);
                var gateway = await client.GatewayIdAsync();
                var hall = $"sim://{gateway}/1100005";
                var listener = (await client.PostJsonAsync("events/register")).Body.GetProperty("id").GetString()!;
                var off = await client.ApplyAsync(hall, "off");
                await client.FetchUntilAsync(listener, all => all.Any(e => e.IsExecutionEnd(off)));

                var scene = JsonSerializer.Serialize(new
                {
                    label = "Dim the lamp",
                    actions = new[] { new { deviceURL = $"sim://{gateway}/1100006", commands = new[] { new { name = "setIntensity", parameters = new[] { 30 } } } } },
                });
                var sceneOid = (await client.PostJsonAsync("actionGroups", scene)).Body.GetProperty("actionGroupOID").GetString()!;

                var (groupStatus, group) = await client.PostJsonAsync("conditionGroups", $$"""
                    {"label":"Hall light on","conditions":[{"staticDeviceStateCondition":{"deviceURL":"{{hall}}","stateName":"core:OnOffState","operator":"EQUALS","value1":"on"} }]}
                    """);
                Assert.Equal(201, groupStatus);
                conditionGroupOid = group.GetProperty("conditionGroupOID").GetString()!;
                Assert.Equal("FAILED", (await client.GetJsonAsync($"conditionGroups/{conditionGroupOid}/evaluate")).Body.GetProperty("evaluationStatus").GetString());

                var (created, ids) = await client.PostJsonAsync("triggers", $$"""
                    {"ifThenSetupTrigger":{"label":"Hall light dims the lamp","mode":1,
                      "rootConditionBlock":{"andBlock":{"activationDelay":1,"subConditionBlocks":[{"conditionGroupReference":{"conditionGroupOID":"{{conditionGroupOid}}"} }]} },
                      "effects":[{"actionGroupEffect":{"actionGroupOID":"{{sceneOid}}"} }]} }
                    """);
                Assert.True(created == 201, ids.ToString());
                triggerOid = ids.GetProperty("setupTriggerOID").GetString()!;
                var (_, fetched) = await client.GetJsonAsync($"triggers/ifThenSetupTrigger/{triggerOid}");
                Assert.Equal("Hall light dims the lamp", fetched.GetProperty("ifThenSetupTrigger").GetProperty("label").GetString());
                await client.FetchUntilAsync(listener, all => all.Any(e => e.GetProperty("name").GetString() == "SetupTriggerCreatedEvent")
                    && all.Any(e => e.GetProperty("name").GetString() == "ConditionGroupCreatedEvent"));

                await client.ApplyAsync(hall, "on");
                await WaitForTriggeredRunAsync(client, triggerOid);
                Assert.Equal("SUCCESS", (await client.GetJsonAsync($"conditionGroups/{conditionGroupOid}/evaluate")).Body.GetProperty("evaluationStatus").GetString());
                var (_, status) = await client.GetJsonAsync($"triggers/ifThenSetupTrigger/{triggerOid}/status");
                Assert.True(status.GetProperty("subTriggersStatus")[0].GetProperty("active").GetBoolean());
                await daemon.StopAsync();
            }

            await using var again = await DaemonProcess.StartAsync(data);
            using var restarted = again.Client(token);
            var (_, all) = await restarted.GetJsonAsync("triggers");
            Assert.Equal([triggerOid], all.EnumerateArray().Select(t => t.GetProperty("ifThenSetupTrigger").GetProperty("oid").GetString()));
            Assert.Equal(1, (await restarted.GetJsonAsync("conditionGroups")).Body.GetArrayLength());

            using (var mode = await restarted.PutAsync($"triggers/ifThenSetupTrigger/{triggerOid}/activation/2", null))
                Assert.Equal(200, (int)mode.StatusCode);
            Assert.Equal(2, (await restarted.GetJsonAsync($"triggers/ifThenSetupTrigger/{triggerOid}/status")).Body.GetProperty("mode").GetInt32());
            using (var delete = await restarted.DeleteAsync($"triggers/ifThenSetupTrigger/{triggerOid}")) Assert.Equal(204, (int)delete.StatusCode);
            Assert.Equal(400, (await restarted.GetJsonAsync($"triggers/ifThenSetupTrigger/{triggerOid}")).Status);
            using (var delete = await restarted.DeleteAsync($"conditionGroups/{conditionGroupOid}")) Assert.Equal(204, (int)delete.StatusCode);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Trigger_kinds_the_gateway_does_not_run_are_refused_with_the_box_error_body()
    {
        var data = DaemonProcess.NewDataDirectory();
        try
        {
            await using var daemon = await DaemonProcess.StartAsync(data);
            using var client = daemon.Client(await daemon.CreateTokenAsync("automation"));
            var gateway = await client.GatewayIdAsync();

            var (status, body) = await client.PostJsonAsync("triggers", $$"""
                {"genericStateRegulationTrigger":{"label":"Heating","mode":1,"deviceURL":"sim://{{gateway}}/1100008#1","regulationHysteresis":1} }
                """);
            Assert.Equal(400, status);
            Assert.Equal("INVALID_PARAMETER", body.GetProperty("errorCode").GetString());
            Assert.Equal("Bad parameters. (\"\"trigger type genericStateRegulationTrigger is not supported by this gateway (supported: delayedCommandsSchedulingTrigger, discreteTrigger, genericCommandSchedulingTrigger, ifThenSetupTrigger)\"\")",
                body.GetProperty("error").GetString());

            var (kind, kindBody) = await client.PostJsonAsync("conditionGroups", $$"""
                {"label":"x","conditions":[{"eventBasedCondition":{"deviceURL":"sim://{{gateway}}/1100005","stateName":"a"} }]}
                """);
            Assert.Equal(400, kind);
            Assert.Contains("eventBasedCondition is not supported", kindBody.GetProperty("error").GetString());

            Assert.Equal(0, (await client.GetJsonAsync("triggers")).Body.GetArrayLength());
            Assert.Equal(0, (await client.GetJsonAsync("conditionGroups")).Body.GetArrayLength());
            Assert.Equal(400, (await client.GetJsonAsync("triggers/discreteTrigger/nope")).Status);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task WaitForTriggeredRunAsync(HttpClient client, string triggerOid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var (_, history) = await client.GetJsonAsync("history/executions");
            var run = history.EnumerateArray().FirstOrDefault(h => h.GetProperty("source").GetString() == $"trigger:{triggerOid}");
            if (run.ValueKind == JsonValueKind.Object)
            {
                Assert.Equal(("Raw trigger (Gateway)", "IFT_CONDITION"), (run.GetProperty("type").GetString(), run.GetProperty("subType").GetString()));
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the trigger never ran its scene");
    }
}
