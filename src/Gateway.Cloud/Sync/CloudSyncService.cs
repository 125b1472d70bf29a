using Gateway.Cloud.Mqtt;
using Gateway.Cloud.Provisioning;
using Gateway.Core.Cloud;
using Gateway.Core.Events;
using Gateway.Core.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Cloud.Sync;

/// <summary>
/// Cloud sync over MQTT. Registered before the gateway's own lifecycle, so it listens to the bus before anything
/// happens and, stopping last, stores the final events of the shutdown too.
/// </summary>
public sealed class CloudSyncService : IHostedLifecycleService, IMqttClientObserver
{
    private static readonly byte[] Online = "online"u8.ToArray();
    private static readonly byte[] Offline = "offline"u8.ToArray();
    private readonly CloudOptions _options;
    private readonly BrokerAddress _broker;
    private readonly ICloudOutbox _outbox;
    private readonly IEventBus _bus;
    private readonly TimeProvider _time;
    private readonly ILogger<CloudSyncService> _logger;
    private readonly CloudTopics _topics;
    private readonly MqttClient _client;
    private readonly CloudOutboxWriter _writer;
    private readonly CloudPublisher _publisher;
    private readonly CloudDownlink _downlink;
    private readonly CloudSnapshot _snapshot;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ICloudEndpointSource? _endpoints;
    private readonly MqttClientOptions _mqtt;
    private Task _provisioning = Task.CompletedTask;
    private IDisposable? _subscription;
    private Task _running = Task.CompletedTask;

    public CloudSyncService(CloudOptions options, ICloudOutbox outbox, ICloudCommandTarget target, ICloudSnapshotSource devices, IEventBus bus,
        SetupIdentity identity, CloudOutboxWriter writer, TimeProvider time, ILogger<CloudSyncService> logger, ICloudEndpointSource? endpoints = null)
    {
        _endpoints = endpoints;
        _options = options;
        _outbox = outbox;
        _bus = bus;
        _time = time;
        _logger = logger;
        // With provisioning the broker is known once the cloud gave it; until then this placeholder is never dialled.
        _broker = endpoints is not null && string.IsNullOrWhiteSpace(options.BrokerUri)
            ? new BrokerAddress("", 0, false)
            : BrokerAddress.TryParse(options.BrokerUri ?? "", out var error) ?? throw new ArgumentException(error);
        _topics = new CloudTopics(options.TopicPrefix, identity.GatewayId);
        var mqtt = _mqtt = new MqttClientOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            UseTls = _broker.UseTls,
            ClientId = string.IsNullOrWhiteSpace(options.ClientId) ? $"gatewayd-{identity.GatewayId}" : options.ClientId,
            Username = options.Username,
            Password = options.Password,
            CaFile = options.CaFile,
            CertFile = options.CertFile,
            KeyFile = options.KeyFile,
            Will = new MqttWill(_topics.Presence, Offline, Retain: true),
        };
        _client = new MqttClient(mqtt, this, logger);
        // Twice the client's in-flight window: its queue stays fed while the window is full.
        _publisher = new CloudPublisher(outbox, _client, _topics, 2 * mqtt.MaxInflight, time, logger);
        outbox.Written = _publisher.Written;
        _writer = writer;
        _snapshot = new CloudSnapshot(outbox, devices, identity.GatewayId, time, logger);
        _downlink = new CloudDownlink(outbox, target, _topics, time, logger, _snapshot, devices);
    }

    public CloudTopics Topics => _topics;

    public bool Connected => _client.IsConnected;

    public CloudPublisher Publisher => _publisher;

    public Task<OutboxCounters> OutboxCountersAsync(CancellationToken cancellationToken) => _outbox.CountersAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _writer.Start();
        _subscription = _bus.Subscribe(_writer);
        if (_endpoints is null)
        {
            _client.Start();
            _logger.LogInformation("Cloud sync to {Scheme}://{Host}:{Port} under {Root}", _broker.UseTls ? "mqtts" : "mqtt", _broker.Host, _broker.Port, _topics.Root);
        }
        else
        {
            _provisioning = Task.Run(() => StartProvisionedAsync(_endpoints, _stopping.Token));
        }
        _running = Task.WhenAll(Task.Run(() => _publisher.RunAsync(_stopping.Token)), Task.Run(() => _downlink.RunAsync(_stopping.Token)));
        return Task.CompletedTask;
    }

    /// <summary>The gateway runs locally and buffers while provisioning retries; the client starts once the cloud named the broker.</summary>
    private async Task StartProvisionedAsync(ICloudEndpointSource endpoints, CancellationToken stopping)
    {
        try
        {
            var endpoint = await endpoints.ResolveAsync(stopping);
            _client.Start(_mqtt with
            {
                Host = endpoint.Host!,
                Port = endpoint.Port,
                UseTls = endpoint.UseTls,
                Username = endpoint.Username,
                Password = endpoint.Password,
            });
            _logger.LogInformation("Cloud sync to {Scheme}://{Host}:{Port} under {Root} (provisioned installation {InstallationId})",
                endpoint.UseTls ? "mqtts" : "mqtt", endpoint.Host, endpoint.Port, _topics.Root, endpoint.InstallationId);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ProvisioningException)
        {
            // Logged by the provisioning with what to fix; the outbox keeps buffering for a later start.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Cloud provisioning failed");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs after the rest of the gateway stopped and before its database closes: stores the last events, lets
    /// in-flight PUBACKs arrive for a moment, says offline. Every wait is bounded, so an unreachable broker host cannot
    /// hold up the shutdown; what is not delivered stays in the outbox for the next start.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _writer.StopAsync();
        _publisher.Wake();
        await WaitForDrainAsync(TimeSpan.FromSeconds(3));
        await _stopping.CancelAsync();
        await _running;
        await _provisioning;
        if (_client.IsConnected)
        {
            try
            {
                await _client.PublishAsync(_topics.Presence, Offline, retain: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2), _time);
            }
            catch (Exception ex) when (ex is TimeoutException or MqttException)
            {
                _logger.LogWarning("Cloud presence 'offline' not confirmed: {Error}", ex.Message);
            }
        }
        _client.Dispose(TimeSpan.FromSeconds(2));
        var counters = await _outbox.CountersAsync(CancellationToken.None);
        _logger.LogInformation("Cloud sync stopped: {Pending} messages wait in the outbox, {Coalesced} coalesced and {Dropped} dropped so far, {Rejected} refused by the broker",
            counters.Pending, counters.Coalesced, counters.Dropped, _publisher.Rejected);
    }

    private async Task WaitForDrainAsync(TimeSpan limit)
    {
        var deadline = _time.GetUtcNow() + limit;
        while (_client.IsConnected && _time.GetUtcNow() < deadline && (await _outbox.CountersAsync(CancellationToken.None)).Pending > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    void IMqttClientObserver.OnConnected(bool sessionPresent)
    {
        _client.Subscribe(_topics.Requests);
        _ = _client.PublishAsync(_topics.Presence, Online, retain: true, CancellationToken.None);
        _ = Task.Run(async () =>
        {
            try
            {
                await _snapshot.StoreIfNeededAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Cloud snapshot after a loss could not be stored");
            }
        });
        _publisher.Wake();
    }

    void IMqttClientObserver.OnDisconnected(int reason) => _publisher.Latency.Forget();

    void IMqttClientObserver.OnMessage(MqttMessage message) => _downlink.Enqueue(message);
}
