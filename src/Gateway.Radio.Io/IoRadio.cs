using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Io.Devices;
using Gateway.Radio.Io.Link;
using Gateway.Radio.Io.Protocol;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Io;

/// <summary>
/// io-homecontrol through a Velux KLF-200 on its TLS API: logs in, reads the system table and every node, keeps the
/// link alive, drives covers with command sessions and turns position notifications into states.
/// </summary>
public sealed partial class IoRadio : IRadio, IRadioDeviceRemoval
{
    public const string ProtocolName = "io";

    private readonly IoRadioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IoRadio> _logger;
    private readonly Func<IByteTransport> _createTransport;
    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<byte, IoNode> _nodes = new();
    private readonly ConcurrentDictionary<ushort, IoCommandSession> _sessions = new();
    private readonly IoCounters _counters = new();
    private readonly Lock _readyGate = new();
    private TaskCompletionSource<KlfSession> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ReconnectingLink? _link;
    private volatile KlfSession? _session;
    private int _nextSession;

    public IoRadio(IoRadioOptions options, TimeProvider time, ILogger<IoRadio> logger, Func<IByteTransport>? createTransport = null)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _createTransport = createTransport ?? (() => CreateTransport(options, logger));
    }

    public string Protocol => ProtocolName;

    public ChannelReader<DeviceReport> Reports => _reports.Reader;

    public bool Connected => _session is not null;

    public IReadOnlyCollection<IoNode> Nodes => _nodes.Values.ToList();

    public string? InterfaceVersion { get; private set; }

    private TimeSpan RequestTimeout => TimeSpan.FromSeconds(_options.RequestTimeoutSeconds);

    public static IByteTransport CreateTransport(IoRadioOptions options, ILogger logger)
    {
        if (!Uri.TryCreate(options.Port, UriKind.Absolute, out var uri) || uri.Scheme != "tls" || uri.Port <= 0)
            throw new ArgumentException($"{options.Port}: the KLF-200 is reached at tls://host:port (port 51200)");
        return new KlfTlsTransport(options.Port, uri.Host, uri.Port, options.CertificateFingerprint, logger);
    }

    public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        _link = new ReconnectingLink(_createTransport, RunSessionAsync, _time, _logger);
        _link.Start();
        return Task.CompletedTask;
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
            ["nodes"] = _nodes.Count,
            ["connects"] = _link?.Connects ?? 0,
            ["disconnects"] = _link?.Disconnects ?? 0,
            ["openFailures"] = _link?.OpenFailures ?? 0,
        };
        return new RadioDiagnostics(Protocol, Connected, _discovering == 1, counters);
    }

    // ---- link ----------------------------------------------------------------------------------------------

    private async Task RunSessionAsync(IByteTransport transport, CancellationToken cancellationToken)
    {
        var session = new KlfSession(transport, OnNotification, _counters, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = session.RunAsync(stop.Token);
        try
        {
            await StartUpAsync(session, cancellationToken);
            _session = session;
            lock (_readyGate) _ready.TrySetResult(session);
            foreach (var node in _nodes.Values) _reports.Writer.TryWrite(new AvailabilityReported(node.Address, true));
            await KeepAliveAsync(session, reading, cancellationToken);
        }
        finally
        {
            _session = null;
            lock (_readyGate)
                if (_ready.Task.IsCompleted) _ready = new TaskCompletionSource<KlfSession>(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var pending in _sessions.Values) pending.Abort(new Core.Radio.RadioCommandException(Core.Executions.FailureType.ActuatorNoAnswer, "the link to the KLF-200 was lost"));
            foreach (var node in _nodes.Values) _reports.Writer.TryWrite(new AvailabilityReported(node.Address, false));
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Login, version, clock, house status monitor, system table and nodes; then the devices are reported.</summary>
    private async Task StartUpAsync(KlfSession session, CancellationToken cancellationToken)
    {
        var login = await session.RequestAsync(KlfMessages.PasswordEnter(_options.Password), RequestTimeout, cancellationToken);
        if (login.Data.Length < 1 || login.Data[0] != KlfMessages.PasswordAccepted)
            throw new InvalidOperationException("the KLF-200 refused the password (Gateway:Radios:Io:Password)");
        var version = VersionInfo.Parse((await session.RequestAsync(KlfFrame.Of(KlfCommand.GetVersionReq), RequestTimeout, cancellationToken)).Data);
        InterfaceVersion = version.SoftwareText;
        _logger.LogInformation("KLF-200 logged in: software {Software}, hardware {Hardware}", version.SoftwareText, version.Hardware);
        await session.RequestAsync(KlfMessages.SetUtc(_time.GetUtcNow()), RequestTimeout, cancellationToken);
        await session.RequestAsync(KlfFrame.Of(KlfCommand.HouseStatusMonitorEnableReq), RequestTimeout, cancellationToken);
        await ReadNodesAsync(session, cancellationToken);
    }

    private async Task ReadNodesAsync(KlfSession session, CancellationToken cancellationToken)
    {
        var table = await session.ExchangeAsync(KlfFrame.Of(KlfCommand.CsGetSystemTableDataReq), f => f.Command switch
        {
            KlfCommand.CsGetSystemTableDataCfm => ExchangeStep.Take,
            KlfCommand.CsGetSystemTableDataNtf => SystemTableEntry.ParseNotification(f.Data).Remaining == 0 ? ExchangeStep.Finish : ExchangeStep.Take,
            _ => ExchangeStep.NotMine,
        }, RequestTimeout, cancellationToken);
        var entries = table.Where(f => f.Command == KlfCommand.CsGetSystemTableDataNtf)
            .SelectMany(f => SystemTableEntry.ParseNotification(f.Data).Entries).ToDictionary(e => e.Index);

        var answer = await session.ExchangeAsync(KlfFrame.Of(KlfCommand.GetAllNodesInformationReq), f => f.Command switch
        {
            // Status 1: the system table is empty, and no node notification follows.
            KlfCommand.GetAllNodesInformationCfm => f.Data.Length >= 1 && f.Data[0] != 0 ? ExchangeStep.Finish : ExchangeStep.Take,
            KlfCommand.GetAllNodesInformationNtf => ExchangeStep.Take,
            KlfCommand.GetAllNodesInformationFinishedNtf => ExchangeStep.Finish,
            _ => ExchangeStep.NotMine,
        }, RequestTimeout, cancellationToken);

        var seen = new HashSet<byte>();
        foreach (var frame in answer.Where(f => f.Command == KlfCommand.GetAllNodesInformationNtf))
        {
            var info = NodeInformation.Parse(frame.Data);
            seen.Add(info.NodeId);
            if (!entries.TryGetValue(info.NodeId, out var entry))
            {
                _logger.LogWarning("io node {NodeId} ({Name}) is not in the KLF-200 system table; skipped", info.NodeId, info.Name);
                continue;
            }
            Adopt(info, entry);
        }
        foreach (var gone in _nodes.Keys.Where(id => !seen.Contains(id)).ToList()) _nodes.TryRemove(gone, out _);
        _logger.LogInformation("KLF-200 has {Count} io nodes, {Driven} driven by the gateway", seen.Count, _nodes.Count);
        await ReadLimitsAsync(session, cancellationToken);
    }

    private void Adopt(NodeInformation info, SystemTableEntry entry)
    {
        var kind = IoDeviceKind.For(info.NodeTypeSubtype, entry.Manufacturer);
        if (kind is null)
        {
            _logger.LogInformation("io node {NodeId} ({Name}) of type 0x{Type:X4} is not driven by the gateway yet", info.NodeId, info.Name, info.NodeTypeSubtype);
            return;
        }
        var node = new IoNode(info.NodeId, entry.ActuatorAddress, kind, info, entry.Manufacturer);
        _nodes[info.NodeId] = node;
        var label = string.IsNullOrWhiteSpace(info.Name) ? $"{kind.Label} {node.Address}" : info.Name;
        var states = new List<DeviceState>
        {
            DeviceState.Of(CoreStateNames.Status, "available"),
            DeviceState.Of(IoStates.Name, info.Name),
        };
        var positions = IoStates.Positions(kind, info.CurrentPosition, info.Target, info.OperatingState);
        states.AddRange(positions);
        var attributes = new List<DeviceState>
        {
            DeviceState.Of("core:Manufacturer", node.ManufacturerName),
            DeviceState.Of("core:FirmwareRevision", info.BuildNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            DeviceState.Of("io:NodeId", info.NodeId),
            DeviceState.Of("io:NodeType", $"0x{info.NodeTypeSubtype:X4}"),
        };
        if (info.SerialText is { } serial) attributes.Add(DeviceState.Of("io:SerialNumber", serial));
        _reports.Writer.TryWrite(new DeviceDiscovered(node.Address, kind.ControllableName, label, states, attributes));
        // A device the setup already had keeps its old states at discovery: the interface's positions are newer.
        _reports.Writer.TryWrite(new StatesReported(node.Address, positions));
    }

    private async Task KeepAliveAsync(KlfSession session, Task reading, CancellationToken cancellationToken)
    {
        var quiet = TimeSpan.FromSeconds(_options.KeepAliveSeconds);
        while (!reading.IsCompleted)
        {
            var due = quiet - _time.GetElapsedTime(session.LastWrite);
            if (due > TimeSpan.Zero)
            {
                await Task.WhenAny(reading, Task.Delay(due, _time, cancellationToken));
                continue;
            }
            try
            {
                await session.RequestAsync(KlfFrame.Of(KlfCommand.GetStateReq), RequestTimeout, cancellationToken);
                IoCounters.Increment(ref _counters.KeepAlives);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("KLF-200 did not answer the keep-alive; reconnecting");
                return;
            }
        }
        await reading;
    }

    private async Task<KlfSession> ConnectedSessionAsync(CancellationToken cancellationToken)
    {
        Task<KlfSession> ready;
        lock (_readyGate) ready = _ready.Task;
        try
        {
            return await ready.WaitAsync(RequestTimeout * 2, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new RadioCommandException(Core.Executions.FailureType.ActuatorNoAnswer, "the KLF-200 is not connected");
        }
    }

    // ---- notifications -------------------------------------------------------------------------------------

    private void OnNotification(KlfFrame frame)
    {
        try
        {
            switch (frame.Command)
            {
                case KlfCommand.NodeStatePositionChangedNtf:
                    OnPositionChanged(NodePositionChanged.Parse(frame.Data));
                    break;
                case KlfCommand.CommandRunStatusNtf:
                    var status = CommandRunStatus.Parse(frame.Data);
                    if (_sessions.TryGetValue(status.SessionId, out var running)) running.OnRunStatus(status);
                    break;
                case KlfCommand.CommandRemainingTimeNtf:
                    var remaining = CommandRemainingTime.Parse(frame.Data);
                    if (_sessions.TryGetValue(remaining.SessionId, out var moving)) moving.OnRemainingTime(remaining);
                    break;
                case KlfCommand.SessionFinishedNtf:
                case KlfCommand.WinkSendNtf:
                    if (_sessions.TryGetValue(KlfMessages.SessionOf(frame.Data), out var finished)) finished.OnFinished();
                    break;
                case KlfCommand.CsDiscoverNodesNtf:
                    _discovery?.TrySetResult(DiscoverNodesResult.Parse(frame.Data));
                    break;
                case KlfCommand.ErrorNtf:
                    _logger.LogWarning("KLF-200 error notification outside a request: {Error}", KlfErrorException.Describe(frame.Data.Length > 0 ? frame.Data[0] : (byte)0));
                    break;
            }
        }
        catch (InvalidDataException ex)
        {
            IoCounters.Increment(ref _counters.FrameErrors);
            _logger.LogWarning("KLF-200 notification {Frame} could not be read: {Reason}", frame, ex.Message);
        }
    }

    private void OnPositionChanged(NodePositionChanged changed)
    {
        if (!_nodes.TryGetValue(changed.NodeId, out var node)) return;
        _reports.Writer.TryWrite(new StatesReported(node.Address, IoStates.Positions(node.Kind, changed.CurrentPosition, changed.Target, changed.OperatingState)));
    }
}
