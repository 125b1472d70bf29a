namespace Gateway.Integration.Tests;

/// <summary>Provisioning (seed 004) through the real daemon, a fake installation API and a real mosquitto.</summary>
public sealed class CloudProvisioningTests
{
    [Fact]
    public async Task The_gateway_registers_once_gets_its_broker_and_credentials_and_connects_with_them()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cloud = await MqttSubscription.StartAsync(broker, "gatewayd/+/presence");
        await using var server = FakeProvisioningServer.Start();
        server.MqttPort = broker.Port;
        server.Enqueue(FakeProvisioningServer.EndpointRoute, 503, "MQTT_ENDPOINT_NOT_READY", "not ready yet");
        var data = DaemonProcess.NewDataDirectory();

        await using (var gateway = await DaemonProcess.StartAsync(data, Settings(server)))
        {
            await cloud.WaitForAsync(m => m.Any(x => x.Payload == "online"));
            Assert.Contains("u'thing-user'", broker.Log);
            Assert.Contains("MQTT_ENDPOINT_NOT_READY", gateway.Output);
            Assert.DoesNotContain(server.ThingToken, gateway.Output);
            Assert.DoesNotContain(server.MqttPassword, gateway.Output);
        }
        var post = Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.Contains("\"deviceType\":\"MQTT\"", post.Body);
        Assert.DoesNotContain("installationRegistrationID", post.Body);

        // Registered once: a restart uses the stored installation and broker.
        var before = server.Requests.Count;
        await using (var again = await DaemonProcess.StartAsync(data, Settings(server)))
        {
            await cloud.WaitForAsync(m => m.Count(x => x.Payload == "online") >= 2);
        }
        Assert.Equal(before, server.Requests.Count);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_refused_thing_token_is_reported_clearly_and_the_gateway_keeps_working_locally()
    {
        await using var server = FakeProvisioningServer.Start();
        server.Enqueue(FakeProvisioningServer.InstallationsRoute, 401, "UNAUTHORIZED", "token expired");
        await using var gateway = await DaemonProcess.StartAsync(null, Settings(server));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!gateway.Output.Contains("Cloud provisioning stopped"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(gateway.Output);
            await Task.Delay(50);
        }
        Assert.Contains("401 UNAUTHORIZED: token expired", gateway.Output);
        Assert.Contains("Gateway:Cloud:Provisioning:ThingToken", gateway.Output);
        Assert.Single(server.Requests);
        using var client = gateway.Client(await gateway.CreateTokenAsync());
        Assert.Equal(200, (await client.GetJsonAsync("setup/gateways")).Status);
    }

    private static string[] Settings(FakeProvisioningServer server) =>
    [
        $"--Gateway:Cloud:Provisioning:Url={server.Url}",
        $"--Gateway:Cloud:Provisioning:AppId={server.AppId}",
        $"--Gateway:Cloud:Provisioning:ThingToken={server.ThingToken}",
        "--Gateway:Cloud:Provisioning:UseTls=false",
        "--Gateway:Cloud:Provisioning:RetrySeconds=0.2",
    ];
}
