using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.ZWave.Devices;
using Gateway.Radio.ZWave.Encapsulation;
using Gateway.Radio.ZWave.Nodes;
using Gateway.Radio.ZWave.Serial;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.ZWave;

/// <summary>
/// The Z-Wave radio: a Serial API controller (500/700/800 series) on a serial port or tcp:// link. Every connection
/// reads the controller (ZWaveRadio.Startup); nodes already in its network are interviewed once (ZWaveRadio.Interview),
/// kept in the radio settings store and created as devices; commands and reports are in ZWaveRadio.Devices.
/// A controller that stops answering is given up, the link reopened and the controller soft-reset before it is read
/// again; nodes and devices stay. Inclusion, exclusion and failed nodes are in ZWaveRadio.Network, dead nodes in ZWaveRadio.Availability.
/// </summary>
public sealed partial class ZWaveRadio : IRadio
{
    public const string ProtocolName = "zwave";

    /// <summary>Settings key prefix of interviewed nodes (<c>node/ID</c> = <see cref="ZWaveNodeJson"/>).</summary>
    public const string NodeKeyPrefix = "node/";

    /// <summary>Settings key of the network the nodes belong to (its home id, hex).</summary>
    public const string HomeIdKey = "homeId";

    private readonly ZWaveRadioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ZWaveRadio> _logger;
    private readonly Func<IByteTransport> _createTransport;
    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SerialApiCounters _counters = new();
    private readonly ConcurrentDictionary<byte, ZWaveNode> _nodes = new();
    private readonly EncapsulationStack _encapsulation = EncapsulationStack.Default();
    private IRadioSettingsStore _settings = new InMemoryRadioSettingsStore();
    private ReconnectingLink? _link;
    private volatile SerialApiSession? _ready;
    private volatile ZWaveController? _controller;
    private volatile CancellationTokenSource? _sessionStop;
    private long _startups, _startupFailures, _unresponsiveRestarts;

    public ZWaveRadio(ZWaveRadioOptions options, TimeProvider time, ILogger<ZWaveRadio> logger, Func<IByteTransport>? createTransport = null)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _createTransport = createTransport ?? (() => ByteTransports.Create(options.Port, options.BaudRate));
    }

    public string Protocol => ProtocolName;

    public ChannelReader<DeviceReport> Reports => _reports.Reader;

    /// <summary>True once start-up read the controller on the current connection.</summary>
    public bool Ready => _ready is not null;

    /// <summary>What the last start-up read from the controller.</summary>
    public ZWaveController? Controller => _controller;

    /// <summary>Interviewed nodes by node id (refused ones included, with their reason).</summary>
    public IReadOnlyDictionary<byte, ZWaveNode> Nodes => _nodes;

    private SerialApiTimeouts Timeouts => new()
    {
        Ack = TimeSpan.FromMilliseconds(_options.AckTimeoutMilliseconds),
        Response = TimeSpan.FromSeconds(_options.ResponseTimeoutSeconds),
        Callback = TimeSpan.FromSeconds(_options.SendDataCallbackTimeoutSeconds),
    };

    public async Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        _settings = context.Settings ?? new InMemoryRadioSettingsStore();
        foreach (var (key, value) in await _settings.ListAsync(Protocol, NodeKeyPrefix, cancellationToken))
        {
            if (ZWaveNodeJson.TryParse(value) is { } node) _nodes[node.NodeId] = node;
            else _logger.LogWarning("Stored Z-Wave node {Key} cannot be read; it will be interviewed again", key);
        }
        // Stored nodes come back as devices at once; the controller is read when the link is up.
        RememberUnreachable(context.KnownDevices);
        foreach (var node in _nodes.Values.OrderBy(n => n.NodeId)) CreateDevice(node);
        _link = new ReconnectingLink(_createTransport, RunSessionAsync, _time, _logger);
        _link.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_link is not null) await _link.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _reports.Writer.TryComplete();
    }

    public RadioDiagnostics GetDiagnostics()
    {
        var counters = new Dictionary<string, long>(_counters.Snapshot())
        {
            ["startups"] = Interlocked.Read(ref _startups),
            ["startupFailures"] = Interlocked.Read(ref _startupFailures),
            ["unresponsiveRestarts"] = Interlocked.Read(ref _unresponsiveRestarts),
            ["nodes"] = _nodes.Count,
            ["nodesRefused"] = _nodes.Values.Count(n => n.Refused is not null),
            ["devices"] = _devices.Count,
            ["interviewsCompleted"] = Interlocked.Read(ref _interviewsCompleted),
            ["interviewsFailed"] = Interlocked.Read(ref _interviewsFailed),
            ["nodesAwaitingWakeUp"] = _awaitingWakeUp.Count,
            ["reportsReceived"] = Interlocked.Read(ref _reportsReceived),
            ["unknownReports"] = Interlocked.Read(ref _unknownReports),
            ["commandsSent"] = Interlocked.Read(ref _commandsSent),
            ["commandFailures"] = Interlocked.Read(ref _commandFailures),
            ["commandsQueuedForWakeUp"] = QueuedForWakeUp,
            ["missedWakeUps"] = Interlocked.Read(ref _missedWakeUps),
            ["sendDataAborts"] = Interlocked.Read(ref _sendDataAborts),
            ["polls"] = Polls,
            ["connects"] = _link?.Connects ?? 0,
            ["disconnects"] = _link?.Disconnects ?? 0,
            ["openFailures"] = _link?.OpenFailures ?? 0,
            ["softResets"] = Interlocked.Read(ref _softResets),
            ["inclusions"] = Interlocked.Read(ref _inclusions),
            ["exclusions"] = Interlocked.Read(ref _exclusions),
            ["failedNodesRemoved"] = Interlocked.Read(ref _failedNodesRemoved),
            ["controllerResets"] = Interlocked.Read(ref _resets),
            ["nodesFailed"] = Interlocked.Read(ref _nodesFailed),
            ["nodesUnreachable"] = _unreachable.Count,
        };
        return new RadioDiagnostics(Protocol, Ready, InclusionOpen, counters);
    }

    /// <summary>One connection: read the controller, adopt its nodes, then serve it until the link drops or the controller stops answering.</summary>
    private async Task RunSessionAsync(IByteTransport transport, CancellationToken cancellationToken)
    {
        var session = new SerialApiSession(transport, _counters, _time, Timeouts);
        session.Unsolicited += OnUnsolicited;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _sessionStop = stop;
        var reading = session.RunAsync(stop.Token);
        try
        {
            ZWaveController controller;
            try
            {
                await session.ResyncAsync(stop.Token);
                if (_softResetNext) await SoftResetAsync(session, stop.Token);
                controller = await ReadControllerAsync(session, stop.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref _startupFailures);
                throw;
            }
            Interlocked.Increment(ref _startups);
            _controller = controller;
            _ready = session;
            var adopting = AdoptNodesAsync(session, controller, stop.Token);
            _ = PollAsync(stop.Token);
            await reading;
            await adopting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Ended on purpose (an unresponsive controller): the link reconnects and reads it again.
        }
        finally
        {
            _ready = null;
            _sessionStop = null;
            session.Unsolicited -= OnUnsolicited;
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>A controller that ACKs nothing after every retransmission is wedged: the connection is ended and reopened.</summary>
    private void RestartIfUnresponsive(SerialApiSession session)
    {
        if (!session.Unresponsive || _ready != session || _sessionStop is not { } stop) return;
        _logger.LogWarning("Z-Wave controller on {Port} stopped acknowledging frames; reopening the link", session.Name);
        Interlocked.Increment(ref _unresponsiveRestarts);
        _softResetNext = true;
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

    private static string NodeKey(byte nodeId) => NodeKeyPrefix + nodeId.ToString(CultureInfo.InvariantCulture);
}
