using System.Diagnostics;
using System.Text.Json;

namespace Gateway.Integration.Tests;

/// <summary>Setup requests, authorisation and the licence through the real daemon and a real mosquitto.</summary>
public sealed class CloudSetupRequestTests
{
    [Fact]
    public async Task Setup_requests_change_the_setup_through_the_local_services_and_a_repeated_one_is_applied_once()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cloud = await MqttSubscription.StartAsync(broker, "gatewayd/+/responses/+");
        await using var gateway = await StartAsync(broker);
        var (client, id, token) = await ConnectAsync(gateway);
        using var _ = client;
        var root = $"gatewayd/{id}";
        var scene = $$$"""{"label":"Evening","actions":[{"deviceURL":"sim://{{{id}}}/1100005","commands":[{"name":"on"}]}]}""";

        var created = await RequestAsync(broker, cloud, root, "c-1", $$"""{"type":"createActionGroup","token":"{{token}}","body":{{scene}}}""");
        Assert.Equal(201, created.GetProperty("status").GetInt32());
        Assert.Equal(0, created.GetProperty("retCode").GetInt32());
        var oid = created.GetProperty("body").GetProperty("actionGroupOID").GetString()!;
        Assert.Equal("Evening", (await client.GetJsonAsync($"actionGroups/{oid}")).Body.GetProperty("label").GetString());

        // The same request id again: the first answer again, nothing created twice.
        Publish(broker, $"{root}/requests/c-1", $$"""{"type":"createActionGroup","token":"{{token}}","body":{{scene}}}""");
        await cloud.WaitForAsync(m => m.Count(x => x.Topic == $"{root}/responses/c-1") == 2);
        Assert.Single((await client.GetJsonAsync("actionGroups")).Body.EnumerateArray());

        var renamed = scene.Replace("\"Evening\"", $"\"Night\",\"oid\":\"{oid}\"");
        var updated = await RequestAsync(broker, cloud, root, "c-2", $$"""{"type":"updateActionGroup","token":"{{token}}","body":{{renamed}}}""");
        Assert.Equal(200, updated.GetProperty("status").GetInt32());
        Assert.Equal("Night", (await client.GetJsonAsync($"actionGroups/{oid}")).Body.GetProperty("label").GetString());

        var day = await RequestAsync(broker, cloud, root, "c-3", $$$"""
            {"type":"createCalendarDay","token":"{{{token}}}","body":{"label":"Work days","type":"WORK_DAY","dayTimeTriggers":[
              {"startActionGroupTimeTrigger":{"triggerType":"TIME","hours":7,"minutes":0,"actionGroupOID":"{{{oid}}}"}}]}}
            """);
        Assert.Equal(201, day.GetProperty("status").GetInt32());
        var dayOid = day.GetProperty("body").GetProperty("calendarDayOID").GetString()!;
        Assert.Equal("Work days", (await client.GetJsonAsync($"setup/calendar/days/{dayOid}")).Body.GetProperty("label").GetString());

        var condition = await RequestAsync(broker, cloud, root, "c-7", $$$"""
            {"type":"createConditionGroup","token":"{{{token}}}","body":{"label":"Hall light on","conditions":[
              {"staticDeviceStateCondition":{"deviceURL":"sim://{{{id}}}/1100005","stateName":"core:OnOffState","operator":"EQUALS","value1":"on"}}]}}
            """);
        Assert.Equal(201, condition.GetProperty("status").GetInt32());
        var conditionOid = condition.GetProperty("body").GetProperty("conditionGroupOID").GetString()!;
        var trigger = await RequestAsync(broker, cloud, root, "c-8", $$$"""
            {"type":"createTrigger","token":"{{{token}}}","body":{"ifThenSetupTrigger":{"label":"Hall light runs the evening","mode":1,
              "rootConditionBlock":{"andBlock":{"subConditionBlocks":[{"conditionGroupReference":{"conditionGroupOID":"{{{conditionOid}}}"}}]}},
              "effects":[{"actionGroupEffect":{"actionGroupOID":"{{{oid}}}"}}]}} }
            """);
        Assert.Equal(201, trigger.GetProperty("status").GetInt32());
        var triggerOid = trigger.GetProperty("body").GetProperty("setupTriggerOID").GetString()!;
        Assert.Equal("Hall light runs the evening",
            (await client.GetJsonAsync($"triggers/ifThenSetupTrigger/{triggerOid}")).Body.GetProperty("ifThenSetupTrigger").GetProperty("label").GetString());
        var deleteTrigger = await RequestAsync(broker, cloud, root, "c-9", $$"""{"type":"deleteTrigger","token":"{{token}}","triggerType":"ifThenSetupTrigger","oid":"{{triggerOid}}"}""");
        Assert.Equal(204, deleteTrigger.GetProperty("status").GetInt32());
        Assert.Equal(204, (await RequestAsync(broker, cloud, root, "c-10", $$"""{"type":"deleteConditionGroup","token":"{{token}}","oid":"{{conditionOid}}"}""")).GetProperty("status").GetInt32());
        Assert.Empty((await client.GetJsonAsync("conditionGroups")).Body.EnumerateArray());
        Assert.Empty((await client.GetJsonAsync("triggers")).Body.EnumerateArray());

        Assert.Equal(204, (await RequestAsync(broker, cloud, root, "c-5", $$"""{"type":"deleteCalendarDay","token":"{{token}}","oid":"{{dayOid}}"}""")).GetProperty("status").GetInt32());
        Assert.Equal(204, (await RequestAsync(broker, cloud, root, "c-6", $$"""{"type":"deleteActionGroup","token":"{{token}}","oid":"{{oid}}"}""")).GetProperty("status").GetInt32());
        Assert.Empty((await client.GetJsonAsync("actionGroups")).Body.EnumerateArray());
    }

    [Fact]
    public async Task A_token_created_by_the_cloud_opens_the_local_api_until_the_cloud_revokes_it()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cloud = await MqttSubscription.StartAsync(broker, "gatewayd/+/responses/+");
        await using var gateway = await StartAsync(broker);
        var (client, id, token) = await ConnectAsync(gateway);
        using var _ = client;
        var root = $"gatewayd/{id}";

        var created = await RequestAsync(broker, cloud, root, "t-1", $$"""{"type":"createToken","token":"{{token}}","label":"installer app"}""");
        Assert.Equal(201, created.GetProperty("status").GetInt32());
        var secret = created.GetProperty("body").GetProperty("token").GetString()!;
        var tokenId = created.GetProperty("body").GetProperty("id").GetString()!;
        using (var installer = gateway.Client(secret)) Assert.Equal(200, (await installer.GetJsonAsync("setup/gateways")).Status);

        var revoked = await RequestAsync(broker, cloud, root, "t-2", $$"""{"type":"revokeToken","token":"{{token}}","id":"{{tokenId}}"}""");
        Assert.Equal(204, revoked.GetProperty("status").GetInt32());
        using (var installer = gateway.Client(secret)) Assert.Equal(401, (await installer.GetJsonAsync("setup/gateways")).Status);
        // The revoked token no longer authorises requests either.
        var after = await RequestAsync(broker, cloud, root, "t-3", $$"""{"type":"createToken","token":"{{secret}}","label":"again"}""");
        Assert.Equal(401, after.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Unauthorised_and_malformed_requests_are_answered_with_an_error_and_never_applied()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cloud = await MqttSubscription.StartAsync(broker, "gatewayd/+/responses/+");
        await using var gateway = await StartAsync(broker);
        var (client, id, token) = await ConnectAsync(gateway);
        using var _ = client;
        var root = $"gatewayd/{id}";
        var scene = $$$"""{"label":"Sneaky","actions":[{"deviceURL":"sim://{{{id}}}/1100005","commands":[{"name":"on"}]}]}""";

        var missing = await RequestAsync(broker, cloud, root, "u-1", $$"""{"type":"createActionGroup","body":{{scene}}}""");
        Assert.Equal(401, missing.GetProperty("status").GetInt32());
        Assert.Equal(107, missing.GetProperty("retCode").GetInt32());
        Assert.Equal("Missing authorization token.", missing.GetProperty("body").GetProperty("error").GetString());
        Assert.Equal("RESOURCE_ACCESS_DENIED", missing.GetProperty("body").GetProperty("errorCode").GetString());

        var wrong = await RequestAsync(broker, cloud, root, "u-2", $$"""{"type":"apply","token":"not-a-token","body":{{scene}}}""");
        Assert.Equal(401, wrong.GetProperty("status").GetInt32());
        Assert.Equal("Not authenticated.", wrong.GetProperty("body").GetProperty("error").GetString());

        var notJson = await RequestAsync(broker, cloud, root, "u-3", "{\"type\":\"createActionGroup\",");
        Assert.Equal(400, notJson.GetProperty("status").GetInt32());
        var badGroup = await RequestAsync(broker, cloud, root, "u-4", $$$"""{"type":"createActionGroup","token":"{{{token}}}","body":{"label":"x"}}""");
        Assert.Equal(400, badGroup.GetProperty("status").GetInt32());
        Assert.Equal((await client.PostJsonAsync("actionGroups", """{"label":"x"}""")).Body.GetProperty("errorCode").GetString(),
            badGroup.GetProperty("body").GetProperty("errorCode").GetString());
        var unknown = await RequestAsync(broker, cloud, root, "u-5", $$"""{"type":"formatDisk","token":"{{token}}"}""");
        Assert.Equal(400, unknown.GetProperty("status").GetInt32());

        Assert.Empty((await client.GetJsonAsync("actionGroups")).Body.EnumerateArray());
        Assert.Empty((await client.GetJsonAsync("history/executions")).Body.EnumerateArray());
    }

    [Fact]
    public async Task A_licence_pushed_by_the_cloud_is_served_without_its_key_and_refuses_pairing_beyond_its_limit_or_after_its_date()
    {
        const string key = "5b1e9c0d7a3f42e8b6c4d2a0f8e6c4b2";
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cloud = await MqttSubscription.StartAsync(broker, "gatewayd/+/responses/+");
        await using var gateway = await StartAsync(broker);
        var (client, id, token) = await ConnectAsync(gateway);
        using var _ = client;
        var root = $"gatewayd/{id}";
        Assert.False((await client.GetJsonAsync("/gatewayd/licence")).Body.GetProperty("present").GetBoolean());
        Assert.Equal(200, (await client.PostJsonAsync("/gatewayd/simulation/pairing/start")).Status);

        var future = DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeMilliseconds();
        var small = await RequestAsync(broker, cloud, root, "l-1", Licence(token, limit: 1, future, key));
        Assert.Equal(200, small.GetProperty("status").GetInt32());
        Assert.DoesNotContain(key, small.GetRawText());
        var (status, refused) = await client.PostJsonAsync("/gatewayd/simulation/pairing/start");
        Assert.Equal(400, status);
        Assert.Contains("licence allows 1 devices", refused.GetProperty("error").GetString());

        var (_, view) = await client.GetJsonAsync("/gatewayd/licence");
        Assert.True(view.GetProperty("present").GetBoolean());
        Assert.Equal(7, view.GetProperty("cid").GetInt64());
        Assert.True(view.GetProperty("hasEncryptionKey").GetBoolean());
        Assert.False(view.GetProperty("pairingAllowed").GetBoolean());
        Assert.DoesNotContain(key, view.GetRawText());

        var past = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();
        await RequestAsync(broker, cloud, root, "l-2", Licence(token, limit: 10_000, past, key));
        (status, refused) = await client.PostJsonAsync("/gatewayd/simulation/pairing/start");
        Assert.Equal(400, status);
        Assert.Contains("licence expired", refused.GetProperty("error").GetString());

        await RequestAsync(broker, cloud, root, "l-3", Licence(token, limit: 10_000, future, key));
        Assert.Equal(200, (await client.PostJsonAsync("/gatewayd/simulation/pairing/start")).Status);

        var bad = await RequestAsync(broker, cloud, root, "l-4", $$$"""{"type":"updateLicence","token":"{{{token}}}","body":{"cid":"seven"}}""");
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        Assert.Equal(10_000, (await client.GetJsonAsync("/gatewayd/licence")).Body.GetProperty("deviceNumberLimitation").GetInt32());

        // Kept across a restart, and the key is in no log.
        await gateway.StopAsync();
        await gateway.StartAsync();
        using var again = gateway.Client(token);
        Assert.Equal(10_000, (await again.GetJsonAsync("/gatewayd/licence")).Body.GetProperty("deviceNumberLimitation").GetInt32());
        Assert.DoesNotContain(key, gateway.Output);
        foreach (var log in Directory.EnumerateFiles(gateway.DataDirectory, "*.log", SearchOption.AllDirectories))
            Assert.DoesNotContain(key, await File.ReadAllTextAsync(log));
    }

    private static string Licence(string token, int limit, long till, string key) => $$$"""
        {"type":"updateLicence","token":"{{{token}}}","body":{"id":63,"name":"Test customer","shortName":"tst","cid":7,"encryptionKey":"{{{key}}}",
         "deviceSearchingRange":50,"deviceNumberLimitation":{{{limit}}},"licensingEnhancement":"STANDARD","googleApiKey":null,"licenseTill":{{{till}}}}}
        """;

    private static async Task<JsonElement> RequestAsync(MosquittoBroker broker, MqttSubscription cloud, string root, string requestId, string payload)
    {
        var topic = $"{root}/responses/{requestId}";
        var before = cloud.Messages.Count(m => m.Topic == topic);
        Publish(broker, $"{root}/requests/{requestId}", payload);
        var messages = await cloud.WaitForAsync(m => m.Count(x => x.Topic == topic) > before);
        return JsonDocument.Parse(messages.Last(x => x.Topic == topic).Payload).RootElement.Clone();
    }

    private static async Task<DaemonProcess> StartAsync(MosquittoBroker broker)
    {
        var data = DaemonProcess.NewDataDirectory();
        var gateway = await DaemonProcess.StartAsync(data, $"--Gateway:Cloud:BrokerUri={broker.Uri}");
        return gateway;
    }

    private static async Task<(HttpClient Client, string GatewayId, string Token)> ConnectAsync(DaemonProcess gateway)
    {
        var token = await gateway.CreateTokenAsync("cloud");
        var client = gateway.Client(token);
        return (client, await client.GatewayIdAsync(), token);
    }

    private static void Publish(MosquittoBroker broker, string topic, string payload)
    {
        using var process = Process.Start("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(), "-t", topic, "-m", payload, "-q", "1"])!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
