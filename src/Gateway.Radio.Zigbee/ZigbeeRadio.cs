using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Executions;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Zigbee.Protocol.Commands;
using Gateway.Radio.Zigbee.Protocol.Mt;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Zigbee;

/// <summary>
/// The Zigbee radio: a TI Z-Stack ZNP coordinator (CC2652/CC1352, CC2531) on a serial port or tcp:// link. Brings the
/// coordinator up (see <see cref="ZnpStartup"/>) on every connection, so a coordinator that stops answering is reset
/// and resumed by reconnecting; opens the network for joining and notes the devices that announce themselves.
/// </summary>
/// <remarks>
/// A watchdog pings a coordinator that has been quiet for <see cref="ZigbeeRadioOptions.WatchdogIntervalSeconds"/>;
/// one that does not answer is treated as wedged. Devices that join are interviewed over ZDO (<see cref="ZigbeeInterviews"/>)
/// and kept in the radio settings store; application frames go out through <see cref="SendAsync"/> and come back
/// through <see cref="OnMessage"/>; the ZCL side (Basic cluster, mapping, reporting, commands, reports) is in ZigbeeRadio.Devices.
/// IAS zones are enrolled and acknowledged in ZigbeeRadio.Zones. Link quality and availability are in ZigbeeRadio.Availability.
/// </remarks>
public sealed partial class ZigbeeRadio : IRadio, IRadioDeviceRemoval, IRadioNetworkManagement
{
    public const string ProtocolName = "zigbee";

    private readonly ZigbeeRadioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ZigbeeRadio> _logger;
    private readonly Func<IByteTransport> _createTransport;
    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ZnpCounters _counters = new();
    private readonly ConcurrentDictionary<ulong, ushort> _announced = new();
    private readonly Lock _pairingGate = new();
    private ReconnectingLink? _link;
    private ITimer? _pairingTimer;
    private volatile ZnpSession? _ready;
    private volatile ZnpStartupResult? _startup;
    private volatile CancellationTokenSource? _sessionStop;
    private IRadioSettingsStore _settings = new InMemoryRadioSettingsStore();
    private readonly ConcurrentDictionary<ulong, NodeInterview> _nodes = new();
    private readonly ConcurrentDictionary<(ulong Ieee, byte Endpoint, ushort Cluster), Action<IncomingMessage>> _handlers = new();
    private volatile TaskCompletionSource<ZnpSession> _readySignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile AfMessenger? _af;
    private ZigbeeInterviews? _interviews;
    private long _incomingMessages, _unroutedMessages;
    private volatile CoordinatorNetwork? _stored;
    private volatile string? _networkMismatch;
    private bool _storedUnreadable;
    private long _restores;
    private long _watchdogPings, _wedgedRestarts, _startups, _startupFailures, _announcements, _permitJoins;

    public ZigbeeRadio(ZigbeeRadioOptions options, TimeProvider time, ILogger<ZigbeeRadio> logger, Func<IByteTransport>? createTransport = null)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _createTransport = createTransport ?? (() => ByteTransports.Create(options.Port, options.BaudRate));
    }

    public string Protocol => ProtocolName;

    public ChannelReader<DeviceReport> Reports => _reports.Reader;

    /// <summary>True once the coordinator has reached the coordinator state on the current connection.</summary>
    public bool Ready => _ready is not null;

    /// <summary>What the last successful start-up learned (firmware, IEEE address, formed network).</summary>
    public ZnpStartupResult? Startup => _startup;

    /// <summary>Devices that announced themselves (IEEE address → network address), not yet interviewed.</summary>
    public IReadOnlyDictionary<ulong, ushort> AnnouncedDevices => _announced;

    /// <summary>Settings key prefix of interviewed nodes (<c>node/IEEE</c> = <see cref="NodeInterviewJson"/>).</summary>
    public const string NodeKeyPrefix = "node/";

    /// <summary>Interviewed nodes by IEEE address.</summary>
    public IReadOnlyDictionary<ulong, NodeInterview> Nodes => _nodes;

    /// <summary>Devices whose interview gave up, with the reason.</summary>
    public IReadOnlyDictionary<ulong, string> FailedInterviews => _interviews?.Failed ?? new Dictionary<ulong, string>();

    /// <summary>Settings key of the stored network (a backup document, see <see cref="ZigbeeNetworkBackup"/>).</summary>
    public const string NetworkSettingKey = "network";

    /// <summary>The network the gateway stored; the coordinator's must match it.</summary>
    public CoordinatorNetwork? StoredNetwork => _stored;

    /// <summary>Why the coordinator's network differs from the stored one; null when they match.</summary>
    public string? NetworkMismatch => _networkMismatch;

    public async Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        _settings = context.Settings ?? new InMemoryRadioSettingsStore();
        RememberKnownDevices(context);
        if (await _settings.GetAsync(Protocol, NetworkSettingKey, cancellationToken) is { } text)
        {
            try
            {
                _stored = ZigbeeNetworkBackup.Parse(text);
            }
            catch (FormatException ex)
            {
                _storedUnreadable = true;
                _logger.LogError("The stored Zigbee network cannot be read ({Reason}); it is kept as it is and not compared", ex.Message);
            }
        }
        foreach (var (key, value) in await _settings.ListAsync(Protocol, NodeKeyPrefix, cancellationToken))
        {
            if (ulong.TryParse(key.AsSpan(NodeKeyPrefix.Length), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var ieee)
                && NodeInterviewJson.TryParse(ieee, value) is { } node)
                _nodes[ieee] = node;
        }
        _interviews = new ZigbeeInterviews(_settings, _options, _time, _logger, WaitReadyAsync, OnInterviewedAsync);
        await _interviews.LoadAsync(cancellationToken);
        StartAvailability();
        _link = new ReconnectingLink(_createTransport, RunSessionAsync, _time, _logger);
        _link.Start();
    }

    /// <summary>
    /// Sends an application frame (a ZCL frame) to an endpoint of an interviewed device and waits for AF_DATA_CONFIRM.
    /// Throws <see cref="ZigbeeDeliveryException"/> when it was not delivered, <see cref="ZnpTimeoutException"/> without confirm.
    /// </summary>
    public async Task SendAsync(ulong ieee, byte endpoint, ushort clusterId, byte[] payload, CancellationToken cancellationToken)
    {
        if (!_nodes.TryGetValue(ieee, out var node)) throw new InvalidOperationException($"no Zigbee device {ieee:X16}");
        var af = _af ?? throw new InvalidOperationException("the Zigbee coordinator is not ready");
        await af.SendAsync(node.NetworkAddress, endpoint, clusterId, payload, cancellationToken);
    }

    /// <summary>Receives what a device's endpoint sends on a cluster (AF_INCOMING_MSG), until the handle is disposed.</summary>
    public IDisposable OnMessage(ulong ieee, byte endpoint, ushort clusterId, Action<IncomingMessage> handler)
    {
        var key = (ieee, endpoint, clusterId);
        _handlers[key] = handler;
        return new Unsubscriber(() => _handlers.TryRemove(KeyValuePair.Create(key, handler)));
    }

    /// <summary>The user removes a device (address <c>IEEE#endpoint</c>): its node leaves, and every device of it goes.</summary>
    public Task RemoveDeviceAsync(string address, CancellationToken cancellationToken) =>
        ZigbeeDeviceAddress.TryParse(address, "") is { } device ? RemoveDeviceAsync(device.Ieee, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Asks a device to leave the network (ZDO Mgmt_Leave_req) and forgets it; a device that does not answer, or that
    /// cannot be told because the coordinator is down, is forgotten too (should it talk again it is paired anew).
    /// </summary>
    public async Task RemoveDeviceAsync(ulong ieee, CancellationToken cancellationToken)
    {
        ushort? networkAddress = _nodes.TryGetValue(ieee, out var node) ? node.NetworkAddress
            : _announced.TryGetValue(ieee, out var announced) ? announced : null;
        if (networkAddress is { } address && _ready is { } session)
        {
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var answered = session.WaitForAsync(f => ZdoCommands.ResponseHeader(f, ZdoCommands.MgmtLeaveRspId) is { Source: var source } && source == address,
                "ZDO_MGMT_LEAVE_RSP", TimeSpan.FromSeconds(_options.ZdoResponseTimeoutSeconds), stopWaiting.Token);
            try
            {
                await session.RequestAsync(ZdoCommands.MgmtLeaveRequest(address, ieee), cancellationToken);
                await answered;
                _logger.LogInformation("Zigbee device {Ieee:X16} left the network on request", ieee);
            }
            catch (Exception ex) when (ex is ZnpTimeoutException or TransportException or ZnpRpcErrorException)
            {
                _logger.LogWarning("Zigbee device {Ieee:X16} did not confirm it left ({Reason}); forgetting it anyway", ieee, ex.Message);
            }
            finally
            {
                await stopWaiting.CancelAsync();
                await ((Task)answered).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        else if (networkAddress is not null)
        {
            _logger.LogWarning("Zigbee device {Ieee:X16} could not be told to leave (the coordinator is not ready); forgetting it anyway", ieee);
        }
        await ForgetNodeAsync(ieee, removed: true, cancellationToken);
    }

    /// <summary>
    /// Forgets a node: its interview record and pending interview, its address, its availability tracking and message
    /// handlers. Its devices are reported removed when it is gone for good, or unavailable when the network went away
    /// under it (they come back when it joins again).
    /// </summary>
    private async Task ForgetNodeAsync(ulong ieee, bool removed, CancellationToken cancellationToken)
    {
        _nodes.TryRemove(ieee, out _);
        Health.Forget(ieee);
        _announced.TryRemove(ieee, out _);
        foreach (var key in _handlers.Keys.Where(k => k.Ieee == ieee)) _handlers.TryRemove(key, out _);
        foreach (var address in AddressesOf(ieee))
        {
            if (!removed)
            {
                _reports.Writer.TryWrite(new AvailabilityReported(address, false));
                continue;
            }
            _devices.TryRemove(address, out _);
            _reports.Writer.TryWrite(new DeviceRemovedReported(address));
        }
        await _settings.DeleteAsync(Protocol, NodeKey(ieee), cancellationToken);
        if (_interviews is not null) await _interviews.ForgetAsync(ieee, cancellationToken);
    }

    private static string NodeKey(ulong ieee) => NodeKeyPrefix + ieee.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private async Task OnInterviewedAsync(NodeInterview node, CancellationToken cancellationToken)
    {
        _nodes[node.Ieee] = node;
        Health.Track(node.Ieee, node.MainsPowered);
        await SetUpDevicesAsync(node, cancellationToken);
        await _settings.SetAsync(Protocol, NodeKey(node.Ieee), NodeInterviewJson.Write(node), cancellationToken);
    }

    /// <summary>The session of a coordinator that has reached the coordinator state; waits for the next one otherwise.</summary>
    private async Task<ZnpSession> WaitReadyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = await _readySignal.Task.WaitAsync(cancellationToken);
            if (_ready == session) return session;
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken);
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }

    /// <summary>
    /// A backup of the network the coordinator runs (its frame counter read now), or of the stored one when the
    /// coordinator is not ready or runs another network.
    /// </summary>
    public async Task<string> BackupAsync(CancellationToken cancellationToken)
    {
        // While the coordinator runs another network, the gateway's own network is the one worth backing up.
        var network = _ready is { } session && _networkMismatch is null
            ? await new ZnpStartup(session, _options, _logger).ReadNetworkAsync(_startup?.IeeeAddress ?? 0, cancellationToken)
            : _stored ?? throw new InvalidOperationException("the Zigbee coordinator is not ready and no network is stored");
        return ZigbeeNetworkBackup.Write(network, _time.GetUtcNow());
    }

    /// <summary>
    /// Takes a backup as the gateway's network: stores it and, when the coordinator runs another network, clears it
    /// and restarts it so it forms the backup's network with the frame counter advanced by
    /// <see cref="ZigbeeNetworkBackup.FrameCounterMargin"/>. Throws <see cref="FormatException"/> on a bad backup.
    /// </summary>
    public async Task RestoreAsync(string backup, CancellationToken cancellationToken)
    {
        var network = ZigbeeNetworkBackup.Parse(backup);
        await _settings.SetAsync(Protocol, NetworkSettingKey, ZigbeeNetworkBackup.Write(network, _time.GetUtcNow()), cancellationToken);
        _stored = network;
        _storedUnreadable = false;
        _networkMismatch = null;
        Interlocked.Increment(ref _restores);
        _logger.LogWarning("Zigbee network backup restored: PAN 0x{PanId:X4}, channel {Channel}", network.Parameters.PanId, network.Parameters.Channel);
        if (_ready is { } session && _startup?.Network is { } running && !running.Parameters.SameNetworkAs(network.Parameters))
        {
            await new ZnpStartup(session, _options, _logger).ClearNetworkAtNextResetAsync(cancellationToken);
            RestartWedged(session, "restoring a network backup");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        ClosePairing(timedOut: false);
        await StopNetworkOperationsAsync();
        await StopAvailabilityAsync();
        if (_interviews is not null) await _interviews.StopAsync();
        if (_link is not null) await _link.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _reports.Writer.TryComplete();
    }

    public async Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Clamp(request.Duration > TimeSpan.Zero ? request.Duration.TotalSeconds : _options.PermitJoinSeconds, 1, 254);
        try
        {
            var session = _ready ?? throw new InvalidOperationException("the Zigbee coordinator is not ready");
            await PermitJoinAsync(session, (byte)seconds, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            _reports.Writer.TryWrite(new NetworkOperationReported(IRadioNetworkManagement.JoinNetwork, false));
            throw;
        }
        lock (_pairingGate)
        {
            _pairingTimer?.Dispose();
            _pairingTimer = _time.CreateTimer(_ => ClosePairing(timedOut: true), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
        }
        _logger.LogInformation("Zigbee network open for joining for {Seconds} s", seconds);
        _reports.Writer.TryWrite(new PairingModeReported(true, false));
        _reports.Writer.TryWrite(new NetworkOperationReported(IRadioNetworkManagement.JoinNetwork, true));
    }

    public async Task StopPairingAsync(CancellationToken cancellationToken)
    {
        if (_ready is { } session) await PermitJoinAsync(session, 0, cancellationToken);
        ClosePairing(timedOut: false);
    }

    public RadioDiagnostics GetDiagnostics()
    {
        var counters = new Dictionary<string, long>(_counters.Snapshot())
        {
            ["startups"] = Interlocked.Read(ref _startups),
            ["startupFailures"] = Interlocked.Read(ref _startupFailures),
            ["announcements"] = Interlocked.Read(ref _announcements),
            ["announcedDevices"] = _announced.Count,
            ["permitJoins"] = Interlocked.Read(ref _permitJoins),
            ["wedgedRestarts"] = Interlocked.Read(ref _wedgedRestarts),
            ["watchdogPings"] = Interlocked.Read(ref _watchdogPings),
            ["networkMismatch"] = _networkMismatch is null ? 0 : 1,
            ["nodes"] = _nodes.Count,
            ["interviewsCompleted"] = _interviews?.Completed ?? 0,
            ["interviewRetries"] = _interviews?.Retries ?? 0,
            ["interviewsFailed"] = _interviews?.Failures ?? 0,
            ["interviewsPending"] = _interviews?.PendingCount ?? 0,
            ["incomingMessages"] = Interlocked.Read(ref _incomingMessages),
            ["devices"] = _devices.Count,
            ["reportsReceived"] = Interlocked.Read(ref _reportsReceived),
            ["availabilityPings"] = Interlocked.Read(ref _availabilityPings),
            ["devicesLost"] = Interlocked.Read(ref _devicesLost),
            ["zonesEnrolled"] = Interlocked.Read(ref _zonesEnrolled),
            ["zoneNotifications"] = Interlocked.Read(ref _zoneNotifications),
            ["commandsSent"] = Interlocked.Read(ref _commandsSent),
            ["commandFailures"] = Interlocked.Read(ref _commandFailures),
            ["unroutedMessages"] = Interlocked.Read(ref _unroutedMessages),
            ["restores"] = Interlocked.Read(ref _restores),
            ["connects"] = _link?.Connects ?? 0,
            ["disconnects"] = _link?.Disconnects ?? 0,
            ["openFailures"] = _link?.OpenFailures ?? 0,
        };
        bool pairing;
        lock (_pairingGate) pairing = _pairingTimer is not null;
        return new RadioDiagnostics(Protocol, Ready, pairing, counters);
    }

    private async Task PermitJoinAsync(ZnpSession session, byte seconds, CancellationToken cancellationToken)
    {
        MtFrame answer;
        try
        {
            answer = await session.RequestAsync(ZdoCommands.PermitJoin(seconds), cancellationToken);
        }
        catch (ZnpTimeoutException)
        {
            RestartWedged(session, "stopped answering");
            throw;
        }
        var status = SysCommands.StatusOf(answer);
        if (status != MtStatus.Success) throw new InvalidOperationException($"the coordinator refused permit-join (status {status})");
        Interlocked.Increment(ref _permitJoins);
    }

    /// <summary>
    /// A coordinator that stops answering is wedged: the connection is ended, and the next one resets the coordinator
    /// and resumes its network (it stays in the coordinator's NV, so nothing is formed again).
    /// </summary>
    private void RestartWedged(ZnpSession session, string reason)
    {
        if (_ready != session || _sessionStop is not { } stop) return;
        _logger.LogWarning("Zigbee coordinator on {Port}: {Reason}; reconnecting to reset it", session.Name, reason);
        if (reason == "stopped answering") Interlocked.Increment(ref _wedgedRestarts);
        _ready = null;
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session ended by itself meanwhile.
        }
    }

    private void ClosePairing(bool timedOut)
    {
        lock (_pairingGate)
        {
            if (_pairingTimer is null) return;
            _pairingTimer.Dispose();
            _pairingTimer = null;
        }
        _reports.Writer.TryWrite(new PairingModeReported(false, timedOut));
    }

    /// <summary>One connection: start the coordinator up, then serve it until the link drops or a start-up step fails.</summary>
    private async Task RunSessionAsync(IByteTransport transport, CancellationToken cancellationToken)
    {
        var session = new ZnpSession(transport, _counters, _time) { SrspTimeout = TimeSpan.FromSeconds(_options.SrspTimeoutSeconds) };
        using var subscription = session.Subscribe(OnIndication);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _sessionStop = stop;
        var reading = session.RunAsync(stop.Token);
        try
        {
            try
            {
                var stored = _stored;
                var formWith = stored is null ? null
                    : stored.Parameters with { FrameCounter = (stored.FrameCounter ?? 0) + ZigbeeNetworkBackup.FrameCounterMargin };
                _startup = await new ZnpStartup(session, _options, _logger) { FormWith = formWith }.RunAsync(stop.Token);
                await ReconcileNetworkAsync(_startup, stop.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref _startupFailures);
                EndReform(null);
                throw;
            }
            Interlocked.Increment(ref _startups);
            _af = new AfMessenger(session, TimeSpan.FromSeconds(_options.AfConfirmTimeoutSeconds));
            _ready = session;
            _readySignal.TrySetResult(session);
            EndReform(_startup.Network);
            var watchdog = WatchdogAsync(session, stop.Token);
            await reading;
            await watchdog;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Ended on purpose (a wedged coordinator): the link reconnects and starts it up again.
        }
        finally
        {
            _ready = null;
            _af = null;
            if (_readySignal.Task.IsCompleted) _readySignal = new TaskCompletionSource<ZnpSession>(TaskCreationOptions.RunContinuationsAsynchronously);
            _sessionStop = null;
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Compares the coordinator's network with the stored one. The first network is stored; a coordinator that runs
    /// another network is reported (log and diagnostics) and the stored network is never overwritten, since the
    /// paired devices belong to it. A blank coordinator was formed with the stored network (see RunSessionAsync).
    /// </summary>
    private async Task ReconcileNetworkAsync(ZnpStartupResult startup, CancellationToken cancellationToken)
    {
        if (startup.Network is not { } running || _storedUnreadable) return;
        var stored = _stored;
        if (stored is null)
        {
            await SaveNetworkAsync(running, cancellationToken);
            _logger.LogInformation("Zigbee network stored: PAN 0x{PanId:X4}, extended PAN {Extended:X16}, channel {Channel}",
                running.Parameters.PanId, running.Parameters.ExtendedPanId, running.Parameters.Channel);
            return;
        }
        if (!running.Parameters.SameNetworkAs(stored.Parameters))
        {
            var mismatch = Describe(stored.Parameters, running.Parameters);
            if (mismatch != _networkMismatch)
                _logger.LogError("The Zigbee coordinator {Ieee:X16} runs another network than the one stored ({Mismatch}); the stored network is kept and the paired devices will not answer. Restore a backup or plug the original coordinator back in",
                    running.CoordinatorIeee, mismatch);
            _networkMismatch = mismatch;
            return;
        }
        _networkMismatch = null;
        if (running.CoordinatorIeee != stored.CoordinatorIeee)
            _logger.LogWarning("The Zigbee network now runs on coordinator {Ieee:X16} (was {Previous:X16})", running.CoordinatorIeee, stored.CoordinatorIeee);
        if (running.CoordinatorIeee != stored.CoordinatorIeee || running.FrameCounter > (stored.FrameCounter ?? 0))
            await SaveNetworkAsync(running, cancellationToken);
    }

    private async Task SaveNetworkAsync(CoordinatorNetwork network, CancellationToken cancellationToken)
    {
        await _settings.SetAsync(Protocol, NetworkSettingKey, ZigbeeNetworkBackup.Write(network, _time.GetUtcNow()), cancellationToken);
        _stored = network;
    }

    private static string Describe(NetworkParameters stored, NetworkParameters running)
    {
        var differences = new List<string>();
        if (stored.PanId != running.PanId) differences.Add($"PAN ID 0x{running.PanId:X4} instead of 0x{stored.PanId:X4}");
        if (stored.ExtendedPanId != running.ExtendedPanId) differences.Add($"extended PAN ID {running.ExtendedPanId:X16} instead of {stored.ExtendedPanId:X16}");
        if (stored.Channel != running.Channel) differences.Add($"channel {running.Channel} instead of {stored.Channel}");
        if (!stored.NetworkKey.AsSpan().SequenceEqual(running.NetworkKey)) differences.Add("another network key");
        return string.Join(", ", differences);
    }

    /// <summary>
    /// A device joined or announced itself: a known one may have a new network address (kept); a new one is
    /// interviewed, unless that is already under way.
    /// </summary>
    private void Joined(ulong ieee, ushort networkAddress)
    {
        if (_nodes.TryGetValue(ieee, out var known))
        {
            if (known.NetworkAddress == networkAddress) return;
            var moved = known with { NetworkAddress = networkAddress };
            _nodes[ieee] = moved;
            _ = _settings.SetAsync(Protocol, NodeKey(ieee), NodeInterviewJson.Write(moved), CancellationToken.None);
            return;
        }
        if (_interviews is null || _interviews.IsPending(ieee, networkAddress)) return;
        _ = _interviews.RequestAsync(ieee, networkAddress, CancellationToken.None).ContinueWith(
            t => _logger.LogError(t.Exception, "Zigbee interview of {Ieee:X16} could not be queued", ieee), TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>
    /// Pings a coordinator that has been silent for a watchdog interval: a coordinator that no longer answers is
    /// wedged (firmware hang, USB glitch) and is reset and resumed on a new connection.
    /// </summary>
    private async Task WatchdogAsync(ZnpSession session, CancellationToken cancellationToken)
    {
        if (_options.WatchdogIntervalSeconds <= 0) return;
        var interval = TimeSpan.FromSeconds(_options.WatchdogIntervalSeconds);
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_time.GetElapsedTime(session.LastFrameReceived) < interval) continue;
                try
                {
                    await session.RequestAsync(SysCommands.Ping(), cancellationToken);
                    Interlocked.Increment(ref _watchdogPings);
                }
                catch (ZnpTimeoutException)
                {
                    _logger.LogWarning("Zigbee coordinator on {Port} did not answer the watchdog ping", session.Name);
                    RestartWedged(session, "stopped answering");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (TransportException)
        {
            // The link went away; the reading loop ends the session.
        }
    }

    private void OnIndication(MtFrame frame)
    {
        if (IncomingMessage.TryParse(frame) is { } message)
        {
            Interlocked.Increment(ref _incomingMessages);
            var node = _nodes.Values.FirstOrDefault(n => n.NetworkAddress == message.SourceAddress);
            if (node is null)
            {
                Interlocked.Increment(ref _unroutedMessages);
                return;
            }
            NoteHeard(node, message);
            if (_handlers.TryGetValue((node.Ieee, message.SourceEndpoint, message.ClusterId), out var handler)) handler(message);
            else OnZclFrame(node, message);
        }
        else if (EndDeviceAnnouncement.TryParse(frame) is { } announcement)
        {
            Interlocked.Increment(ref _announcements);
            _announced[announcement.IeeeAddress] = announcement.NetworkAddress;
            _logger.LogInformation("Zigbee device {Ieee:X16} announced at 0x{Network:X4}", announcement.IeeeAddress, announcement.NetworkAddress);
            Joined(announcement.IeeeAddress, announcement.NetworkAddress);
        }
        else if (TrustCenterDeviceIndication.TryParse(frame) is { } joined)
        {
            _logger.LogInformation("Zigbee device {Ieee:X16} joined at 0x{Network:X4}", joined.IeeeAddress, joined.NetworkAddress);
            Joined(joined.IeeeAddress, joined.NetworkAddress);
        }
        else if (LeaveIndication.TryParse(frame) is { Rejoin: false } left && _nodes.ContainsKey(left.IeeeAddress))
        {
            _logger.LogInformation("Zigbee device {Ieee:X16} left the network", left.IeeeAddress);
            _ = ForgetNodeAsync(left.IeeeAddress, removed: true, CancellationToken.None).ContinueWith(
                t => _logger.LogError(t.Exception, "Forgetting Zigbee device {Ieee:X16} failed", left.IeeeAddress), TaskContinuationOptions.OnlyOnFaulted);
        }
        else if (ZdoCommands.ParseStateChange(frame) is { } state && _ready is not null && state != ZdoState.Coordinator)
        {
            _logger.LogWarning("Zigbee coordinator left the coordinator state: {State}", state);
        }
    }
}
