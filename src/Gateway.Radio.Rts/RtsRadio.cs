using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Persistence;
using Gateway.Core.Radio;
using Gateway.Radio.Rts.Protocol;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.Rts;

/// <summary>
/// Somfy RTS through an RFXtrx433E/XL transceiver (serial port or tcp://). RTS is one-way: the gateway pairs a motor
/// by sending "program" from an RFY address it allocates while the motor is in programming mode, and a command is
/// done when the transceiver confirms the transmission (ACK). Positions are estimated from the user's travel durations.
/// </summary>
public sealed partial class RtsRadio : IRadio, IRadioDeviceRemoval
{
    public const string ProtocolName = "rts";

    private readonly RtsRadioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RtsRadio> _logger;
    private readonly Func<IByteTransport> _createTransport;
    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, RtsDevice> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClosureEstimator> _estimates = new(StringComparer.Ordinal);
    private readonly RtsCounters _counters = new();
    private readonly Lock _listingGate = new();
    private List<RfyRemoteEntry>? _listing;
    private RtsAddressBook _book;
    private ReconnectingLink? _link;
    private volatile RfxSession? _session;
    private TaskCompletionSource<RfxSession> _ready = NewReady();
    private volatile InterfaceStatus? _status;
    private volatile bool _pairing;

    public RtsRadio(RtsRadioOptions options, TimeProvider time, ILogger<RtsRadio> logger, Func<IByteTransport>? createTransport = null)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _createTransport = createTransport ?? (() => ByteTransports.Create(options.Port, options.BaudRate));
        _book = new RtsAddressBook(new InMemoryRadioSettingsStore(), options.AddressBase);
    }

    public string Protocol => ProtocolName;

    public ChannelReader<DeviceReport> Reports => _reports.Reader;

    public bool Connected => _session is not null;

    /// <summary>What the transceiver said at start-up (type, firmware), once it has.</summary>
    public InterfaceStatus? TransceiverStatus => _status;

    private TimeSpan ResponseTimeout => TimeSpan.FromSeconds(_options.ResponseTimeoutSeconds);

    public async Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        _book = new RtsAddressBook(context.Settings ?? new InMemoryRadioSettingsStore(), _options.AddressBase);
        await _book.LoadAsync(cancellationToken);
        foreach (var known in context.KnownDevices) Remember(known);
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
            ["devices"] = _devices.Count,
            ["channelsUsed"] = _book.Channels.Count,
            ["connects"] = _link?.Connects ?? 0,
            ["disconnects"] = _link?.Disconnects ?? 0,
            ["openFailures"] = _link?.OpenFailures ?? 0,
            ["firmwareVersion"] = _status?.FirmwareVersion ?? 0,
            ["firmwareType"] = _status?.FirmwareType ?? 0,
        };
        return new RadioDiagnostics(Protocol, Connected, _pairing, counters);
    }

    /// <summary>The channels (RFY addresses) the gateway has used, with their status: paired, removed, reserved, failed, in-transceiver.</summary>
    public IReadOnlyList<(int Channel, string RfyAddress, string Status)> Channels =>
        [.. _book.Channels.Select(c => (c.Channel, c.Address.ToString(), c.Status))];

    // ---- link ----------------------------------------------------------------------------------------------

    private async Task RunSessionAsync(IByteTransport transport, CancellationToken cancellationToken)
    {
        using var sessionStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var session = new RfxSession(transport, _counters, _time) { RemoteListed = OnRemoteListed };
        var reading = session.RunAsync(sessionStop.Token);
        try
        {
            await StartInterfaceAsync(session, sessionStop.Token);
            _session = session;
            _ready.TrySetResult(session);
            await reading;
        }
        finally
        {
            _session = null;
            if (_ready.Task.IsCompleted) _ready = NewReady();
            await sessionStop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Reset, let the interface settle and drop what it says meanwhile, read its status, set the mode (433.92 MHz,
    /// no receive protocol: RFY only transmits), start the receiver on firmware that wants it, then read its remote
    /// table so no address it holds is ever handed out.
    /// </summary>
    private async Task StartInterfaceAsync(RfxSession session, CancellationToken cancellationToken)
    {
        session.Discarding = true;
        await session.WriteAsync(seq => InterfaceCommand.Create(InterfaceCommand.Reset, seq), cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(_options.ResetSettleMilliseconds), _time, cancellationToken);
        session.Discarding = false;

        var status = await AskStatusAsync(session, seq => InterfaceCommand.Create(InterfaceCommand.GetStatus, seq), cancellationToken);
        _logger.LogInformation("RFXtrx type {Type:X2} firmware {Version} (type {FirmwareType})", status.TransceiverType, status.FirmwareVersion, status.FirmwareType);
        if (!status.CanTransmitRfy)
            _logger.LogWarning("This RFXtrx firmware (type {FirmwareType}) does not transmit RFY: Somfy RTS needs an RFXtrx433E or XL with E/Pro firmware", status.FirmwareType);
        var frequency = status.TransceiverType == 0 ? InterfaceCommand.Transceiver43392 : status.TransceiverType;
        _status = await AskStatusAsync(session, seq => InterfaceCommand.CreateSetMode(seq, frequency, 0, 0, 0, 0), cancellationToken);

        try
        {
            var started = await session.SendAsync(seq => InterfaceCommand.Create(InterfaceCommand.StartReceiver, seq), ResponseTimeout, cancellationToken);
            if (started.Subtype == RfxPacketTypes.WrongCommand) _logger.LogInformation("RFXtrx firmware has no start-receiver command (older firmware): not needed");
        }
        catch (TimeoutException)
        {
            _logger.LogInformation("RFXtrx did not answer start-receiver (older firmware): carrying on");
        }
        await SyncTransceiverRemotesAsync(session, cancellationToken);
    }

    private async Task<InterfaceStatus> AskStatusAsync(RfxSession session, Func<byte, RfxFrame> build, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var answer = await session.SendAsync(build, ResponseTimeout, cancellationToken);
                if (InterfaceStatus.TryParse(answer, out var status)) return status;
                throw new InvalidDataException($"the RFXtrx answered {answer} instead of its status");
            }
            catch (TimeoutException) when (attempt < _options.Retries)
            {
                _counters.Increment(ref _counters.Retries);
                _logger.LogWarning("RFXtrx did not answer (attempt {Attempt})", attempt + 1);
            }
        }
    }

    private async Task SyncTransceiverRemotesAsync(RfxSession session, CancellationToken cancellationToken)
    {
        var listed = await ListRemotesAsync(session, cancellationToken);
        foreach (var entry in listed.Where(e => !e.Asa)) await _book.NoteTransceiverRemoteAsync(entry.Address, cancellationToken);
        var held = listed.Select(e => e.Address).ToHashSet();
        foreach (var device in _devices.Values.Where(d => !held.Contains(d.Rfy)))
            _logger.LogWarning("RTS device {Address} ({Rfy}) is not in the transceiver's remote table: was the RFXtrx replaced or erased? Pair it again", device.Address, device.Rfy);
        _logger.LogInformation("RFXtrx holds {Count} RFY remotes; next RTS channel {Channel}", listed.Count, _book.NextChannel());
    }

    /// <summary>The transceiver's remote table: entries arrive before the ACK of the list command (or until it times out).</summary>
    private async Task<IReadOnlyList<RfyRemoteEntry>> ListRemotesAsync(RfxSession session, CancellationToken cancellationToken)
    {
        var entries = new List<RfyRemoteEntry>();
        lock (_listingGate) _listing = entries;
        try
        {
            var list = new RfyPacket(RfySubtype.Rfy, new RfyAddress(1, 1), RfyCommand.ListRemotes);
            await session.SendAsync(seq => list.ToFrame(seq), ResponseTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Some firmware lists without acknowledging: the quiet that follows ends the list.
        }
        finally
        {
            lock (_listingGate) _listing = null;
        }
        lock (_listingGate) return [.. entries];
    }

    /// <summary>Lists the transceiver's RFY and ASA remotes now.</summary>
    public async Task<IReadOnlyList<RfyRemoteEntry>> ListTransceiverRemotesAsync(CancellationToken cancellationToken)
    {
        var session = await WaitForLinkAsync(cancellationToken);
        return await ListRemotesAsync(session, cancellationToken);
    }

    private void OnRemoteListed(RfyRemoteEntry entry)
    {
        lock (_listingGate) _listing?.Add(entry);
    }

    /// <summary>The running session; waits up to <see cref="RtsRadioOptions.LinkWaitSeconds"/> while the link (re)connects.</summary>
    private async Task<RfxSession> WaitForLinkAsync(CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(_options.LinkWaitSeconds);
        var started = _time.GetTimestamp();
        while (true)
        {
            if (_session is { Running: true } current) return current;
            var remaining = wait - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero) throw new RadioCommandException(FailureType.ActuatorNoAnswer, "the RFXtrx transceiver is not connected");
            var ready = _ready.Task;
            if (ready.IsCompleted)
            {
                // The session that ended is still being torn down; a new one follows.
                await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
                continue;
            }
            try
            {
                await ready.WaitAsync(remaining, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private static TaskCompletionSource<RfxSession> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // ---- transmission ----------------------------------------------------------------------------------------

    /// <summary>Sends one RFY packet and waits for the transceiver's ACK, sending again after a lost frame or a NAK.</summary>
    private async Task TransmitAsync(RfyPacket packet, CancellationToken cancellationToken)
    {
        var reason = "no answer";
        for (var attempt = 0; attempt <= _options.Retries; attempt++)
        {
            var session = await WaitForLinkAsync(cancellationToken);
            if (attempt > 0) _counters.Increment(ref _counters.Retries);
            RfxFrame answer;
            try
            {
                answer = await session.SendAsync(seq => packet.ToFrame(seq), ResponseTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                reason = "no answer";
                continue;
            }
            catch (TransportException ex)
            {
                reason = $"link lost ({ex.Message})";
                continue;
            }
            _counters.Increment(ref _counters.Transmissions);
            if (TransmitterResponse.TryParse(answer, out var result))
            {
                if (TransmitterResponse.IsAck(result))
                {
                    _counters.Increment(ref _counters.Acks);
                    return;
                }
                _counters.Increment(ref _counters.Naks);
                if (result == TransmitterResult.NakInvalidAddress)
                    throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"the transceiver refused RFY address {packet.Address}");
                reason = $"NAK ({result})";
                continue;
            }
            if (answer.PacketType == RfxPacketTypes.InterfaceMessage && answer.Subtype == RfxPacketTypes.UnknownRfyRemote)
            {
                _counters.Increment(ref _counters.UnknownRemotes);
                throw new RadioCommandException(FailureType.ActuatorUnknown, $"the transceiver does not know RFY remote {packet.Address}: pair the motor again");
            }
            if (answer.PacketType == RfxPacketTypes.InterfaceMessage && answer.Subtype == RfxPacketTypes.WrongCommand)
                throw new RadioCommandException(FailureType.ErrorWhileExecuting, "the transceiver's firmware does not transmit RFY (an RFXtrx433E or XL is needed)");
            reason = $"unexpected answer {answer}";
        }
        throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"the transceiver did not confirm {packet.Command} to {packet.Address}: {reason}");
    }

    // ---- devices -------------------------------------------------------------------------------------------

    private void Remember(KnownDevice known)
    {
        if (!RtsDevice.TryParseAddress(known.Address, out var rfy)) return;
        var channel = int.TryParse(known.Attribute(RtsStateNames.ChannelAttribute), out var c) ? c : rfy.Id - _options.AddressBase;
        var subtype = Enum.TryParse<RfySubtype>(known.Attribute(RtsStateNames.SubtypeAttribute), out var s) ? s : RfySubtype.Rfy;
        _devices[known.Address] = new RtsDevice(known.Address, channel, rfy, subtype, known.ControllableName);
        var estimate = new ClosureEstimator(_time);
        if (Number(known.States, RtsStateNames.OpeningDuration) is { } opening && Number(known.States, RtsStateNames.ClosingDuration) is { } closing)
            estimate.SetDurations(TimeSpan.FromSeconds(opening), TimeSpan.FromSeconds(closing));
        if (Number(known.States, RtsStateNames.Memorized1Position) is { } my) estimate.MyPosition = (int)my;
        estimate.Restore(Number(known.States, CoreStateNames.Closure));
        _estimates[known.Address] = estimate;
    }

    private static double? Number(IReadOnlyList<DeviceState> states, string name) =>
        states.FirstOrDefault(s => s.Name == name) is { } state && state.Value.ValueKind == JsonValueKind.Number ? state.Value.GetDouble() : null;

    public async Task RemoveDeviceAsync(string address, CancellationToken cancellationToken)
    {
        if (!_devices.TryRemove(address, out var device)) return;
        _estimates.TryRemove(address, out _);
        // The transceiver keeps the remote (and its rolling code): the address stays taken, and the gateway's record
        // says so, so it is never handed to another motor.
        await _book.MarkAsync(device.Channel, "removed", cancellationToken);
        _logger.LogInformation("RTS device {Address} ({Rfy}) removed; its address stays reserved", address, device.Rfy);
    }
}
