namespace Gateway.Integration.Tests;

/// <summary>mqtts to a real mosquitto whose certificate a CA made by the test signed (Gateway:Cloud:CaFile).</summary>
public sealed class CloudTlsTests
{
    [Fact]
    public async Task The_gateway_connects_over_tls_to_a_broker_signed_by_the_configured_ca_and_refuses_one_signed_by_another()
    {
        var certificates = Directory.CreateTempSubdirectory("gatewayd-tls-").FullName;
        try
        {
            using var authority = TestCertificates.CreateAuthority(certificates, "trusted");
            using var stranger = TestCertificates.CreateAuthority(certificates, "stranger");
            var (certFile, keyFile) = TestCertificates.IssueServer(authority, certificates, "broker");
            var tlsPort = GatewaydBinary.FreeLoopbackPort();
            await using var broker = await MosquittoBroker.StartAsync($"listener {tlsPort} 127.0.0.1\ncertfile {certFile}\nkeyfile {keyFile}\n");
            await using var cloud = await MqttSubscription.StartAsync(broker, "gatewayd/+/presence");

            await using (var refused = await DaemonProcess.StartAsync(null, $"--Gateway:Cloud:BrokerUri=mqtts://127.0.0.1:{tlsPort}",
                $"--Gateway:Cloud:CaFile={Path.Combine(certificates, "stranger.pem")}"))
            {
                // The handshake fails at the gateway (it does not trust the broker), during the first connect or in the network loop.
                // The gateway says so when libmosquitto reports it; the broker logs the aborted handshake either way.
                await WaitForAsync(() => refused.Output.Contains($"127.0.0.1:{tlsPort} not reachable")
                    || broker.Log.Contains("OpenSSL Error") || broker.Log.Contains("Client <unknown> disconnected"), refused.Output + broker.Log);
                Assert.Empty(cloud.Messages);
            }

            await using var trusted = await DaemonProcess.StartAsync(null, $"--Gateway:Cloud:BrokerUri=mqtts://127.0.0.1:{tlsPort}",
                $"--Gateway:Cloud:CaFile={Path.Combine(certificates, "trusted.pem")}");
            var messages = await cloud.WaitForAsync(m => m.Any(x => x.Payload == "online"));
            Assert.Single(messages.Where(x => x.Payload == "online").Select(x => x.Topic).Distinct());
            Assert.Contains($"127.0.0.1:{tlsPort}", trusted.Output);
        }
        finally
        {
            Directory.Delete(certificates, recursive: true);
        }
    }

    private static async Task WaitForAsync(Func<bool> done, string context)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(context);
            await Task.Delay(50);
        }
    }
}
