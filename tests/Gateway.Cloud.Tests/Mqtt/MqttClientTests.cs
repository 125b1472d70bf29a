using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Gateway.Cloud.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Cloud.Tests.Mqtt;

/// <summary>The libmosquitto binding against a real mosquitto on a random loopback port.</summary>
public sealed class MqttClientTests
{
    private static MqttClientOptions Options(MosquittoBroker broker, string? clientId = null, MqttWill? will = null) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = clientId ?? $"test-{Guid.NewGuid():N}"[..20],
        ReconnectDelaySeconds = 1,
        ReconnectMaxSeconds = 2,
        Will = will,
    };

    [Fact]
    public void A_missing_libmosquitto_names_the_debian_package()
    {
        var error = Assert.Throws<MosquittoUnavailableException>(() => MosquittoLibrary.EnsureLoadable("libmosquitto-absent.so.9"));
        Assert.Contains("libmosquitto1", error.Message);
        Assert.Contains("libmosquitto-absent.so.9", error.Message);
    }

    [Fact]
    public void The_installed_libmosquitto_loads_and_is_version_2()
    {
        Assert.StartsWith("2.", MosquittoLibrary.EnsureLoadable());
    }

    [Fact]
    public async Task A_qos1_publish_completes_on_its_puback_and_reaches_a_subscriber()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var subscriber = await MqttSubscription.StartAsync(broker, "t/#");
        var observer = new RecordingObserver();
        using var client = new MqttClient(Options(broker), observer, NullLogger.Instance);
        client.Start();
        await RecordingObserver.WaitUntilAsync(() => client.IsConnected, "connection");
        Assert.Equal(5, client.ProtocolVersion);

        var acks = Enumerable.Range(0, 500).Select(i => client.PublishAsync($"t/{i % 3}", Encoding.UTF8.GetBytes($"m{i}"), false, CancellationToken.None)).ToArray();
        var reasons = await Task.WhenAll(acks);

        Assert.All(reasons, r => Assert.Equal(0, r));
        var received = await subscriber.WaitForAsync(m => m.Count >= 500);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"m{i}"), received.Select(m => m.Payload));
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task Tagged_publishes_from_several_threads_are_each_answered_once_in_the_order_they_were_made()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var client = new MqttClient(Options(broker) with { MaxInflight = 50 }, new RecordingObserver(), NullLogger.Instance);
        var answers = new ConcurrentQueue<(long Tag, int Reason)>();
        client.Acknowledged = (tag, reason) => answers.Enqueue((tag, reason));
        client.Start();
        var order = new ConcurrentQueue<long>();
        var gate = new Lock();

        // Four threads publish 1,000 messages each; the lock only records the order in which Publish was called.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var tag = thread * 1000 + i;
                lock (gate)
                {
                    client.Publish($"t/{thread}", Encoding.UTF8.GetBytes($"m{tag}"), tag);
                    order.Enqueue(tag);
                }
            }
        })));

        await RecordingObserver.WaitUntilAsync(() => answers.Count >= 4000, "4,000 PUBACKs", 60);
        Assert.Equal(order.ToArray(), answers.Select(a => a.Tag).ToArray());
        Assert.All(answers, a => Assert.True(MqttReasonCode.IsAccepted(a.Reason)));
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task A_message_libmosquitto_refuses_is_answered_as_not_sent_in_its_place_among_the_others()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var client = new MqttClient(Options(broker), new RecordingObserver(), NullLogger.Instance);
        var answers = new ConcurrentQueue<(long Tag, int Reason)>();
        client.Acknowledged = (tag, reason) => answers.Enqueue((tag, reason));
        client.Start();
        await RecordingObserver.WaitUntilAsync(() => client.IsConnected, "connection");

        for (var i = 0; i < 200; i++) client.Publish(i == 150 ? "t/+/wildcards/are/not/publishable" : "t/ok", "x"u8.ToArray(), i);

        await RecordingObserver.WaitUntilAsync(() => answers.Count >= 200, "200 answers");
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), answers.Select(a => a.Tag));
        var refused = answers.ElementAt(150).Reason;
        Assert.True(MqttReasonCode.IsNotSent(refused), $"reason {refused}");
        Assert.All(answers.Where(a => a.Tag != 150), a => Assert.True(MqttReasonCode.IsAccepted(a.Reason)));
        await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync("t/#", "x"u8, false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Subscribed_messages_are_copied_out_with_topic_payload_and_retain_flag()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var observer = new RecordingObserver();
        using var client = new MqttClient(Options(broker), observer, NullLogger.Instance);
        observer.WhenConnected = _ => client.Subscribe("down/#");
        client.Start();
        await RecordingObserver.WaitUntilAsync(() => client.IsConnected, "connection");

        // Retry until the subscription is active: the SUBACK is not awaited by the client.
        await RecordingObserver.WaitUntilAsync(() =>
        {
            Publish(broker, "down/x", "{\"a\":\"é\"}", retain: true);
            return !observer.Messages.IsEmpty;
        }, "message");

        var message = observer.Messages.First();
        Assert.Equal("down/x", message.Topic);
        Assert.Equal("{\"a\":\"é\"}", Encoding.UTF8.GetString(message.Payload));
    }

    [Fact]
    public async Task A_client_started_while_the_broker_is_down_connects_when_it_comes_up_and_sends_what_was_published_meanwhile()
    {
        var broker = await MosquittoBroker.StartAsync();
        await using var _ = broker;
        await broker.StopAsync();
        var observer = new RecordingObserver();
        using var client = new MqttClient(Options(broker), observer, NullLogger.Instance);
        client.Start();
        var pending = client.PublishAsync("t/offline", "queued"u8, false, CancellationToken.None);
        Assert.False(client.IsConnected);

        await broker.RestartAsync();
        await RecordingObserver.WaitUntilAsync(() => client.IsConnected, "connection after the broker came up", 60);
        await using var subscriber = await MqttSubscription.StartAsync(broker, "t/#");

        Assert.True(MqttReasonCode.IsAccepted(await pending.WaitAsync(TimeSpan.FromSeconds(60))));
        // Published before the subscriber existed: it only proves the PUBACK; a new publish proves the link works.
        Assert.Equal(0, await client.PublishAsync("t/online", "live"u8, false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        await subscriber.WaitForAsync(m => m.Any(x => x.Payload == "live"));
    }

    [Fact]
    public async Task After_a_broker_restart_the_client_reconnects_by_itself_and_resumes_its_session()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var observer = new RecordingObserver();
        using var client = new MqttClient(Options(broker), observer, NullLogger.Instance);
        client.Start();
        await RecordingObserver.WaitUntilAsync(() => client.IsConnected, "connection");

        await broker.StopAsync();
        await RecordingObserver.WaitUntilAsync(() => !client.IsConnected, "disconnection");
        await broker.RestartAsync();
        await RecordingObserver.WaitUntilAsync(() => observer.Connections.Count >= 2, "reconnection", 60);

        Assert.Equal([false, true], observer.Connections.ToArray());
        Assert.NotEmpty(observer.Disconnections);
    }

    [Fact]
    public async Task Disposing_a_client_that_never_reached_its_broker_returns_and_fails_its_pending_publishes()
    {
        var broker = await MosquittoBroker.StartAsync();
        await broker.DisposeAsync();
        var client = new MqttClient(Options(broker), new RecordingObserver(), NullLogger.Instance);
        client.Start();
        var pending = client.PublishAsync("t/never", "x"u8, false, CancellationToken.None);

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
    }

    private static void Publish(MosquittoBroker broker, string topic, string payload, bool retain)
    {
        var arguments = new List<string> { "-h", "127.0.0.1", "-p", broker.Port.ToString(), "-t", topic, "-m", payload, "-q", "1" };
        if (retain) arguments.Add("-r");
        using var process = Process.Start("mosquitto_pub", arguments)!;
        process.WaitForExit();
    }
}
