using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Executions;
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
/// one that does not answer is treated as wedged. Not yet done: device interview, ZCL, device creation and commands.
/// </remarks>
public sealed class ZigbeeRadio : IRadio
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

    public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        _link = new ReconnectingLink(_createTransport, RunSessionAsync, _time, _logger);
        _link.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        ClosePairing(timedOut: false);
        if (_link is not null) await _link.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _reports.Writer.TryComplete();
    }

    public Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken) =>
        throw new RadioCommandException(FailureType.ActuatorUnknown, $"no Zigbee device {command.Address}: Zigbee devices cannot be driven yet");

    public async Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken)
    {
        var session = _ready ?? throw new InvalidOperationException("the Zigbee coordinator is not ready");
        var seconds = (int)Math.Clamp(request.Duration > TimeSpan.Zero ? request.Duration.TotalSeconds : _options.PermitJoinSeconds, 1, 254);
        await PermitJoinAsync(session, (byte)seconds, cancellationToken);
        lock (_pairingGate)
        {
            _pairingTimer?.Dispose();
            _pairingTimer = _time.CreateTimer(_ => ClosePairing(timedOut: true), null, TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
        }
        _logger.LogInformation("Zigbee network open for joining for {Seconds} s", seconds);
        _reports.Writer.TryWrite(new PairingModeReported(true, false));
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
            RestartWedged(session);
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
    private void RestartWedged(ZnpSession session)
    {
        if (_ready != session || _sessionStop is not { } stop) return;
        _logger.LogWarning("Zigbee coordinator on {Port} stopped answering; reconnecting to reset it", session.Name);
        Interlocked.Increment(ref _wedgedRestarts);
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
                _startup = await new ZnpStartup(session, _options, _logger).RunAsync(stop.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref _startupFailures);
                throw;
            }
            Interlocked.Increment(ref _startups);
            _ready = session;
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
            _sessionStop = null;
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
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
                    RestartWedged(session);
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
        if (EndDeviceAnnouncement.TryParse(frame) is { } announcement)
        {
            Interlocked.Increment(ref _announcements);
            _announced[announcement.IeeeAddress] = announcement.NetworkAddress;
            _logger.LogInformation("Zigbee device {Ieee:X16} announced at 0x{Network:X4}", announcement.IeeeAddress, announcement.NetworkAddress);
        }
        else if (ZdoCommands.ParseStateChange(frame) is { } state && _ready is not null && state != ZdoState.Coordinator)
        {
            _logger.LogWarning("Zigbee coordinator left the coordinator state: {State}", state);
        }
    }
}
