using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.EnOcean.Protocol.Eep;
using Gateway.Radio.EnOcean.Protocol.Erp;
using Gateway.Radio.EnOcean.Protocol.Esp3;
using Gateway.Serial;
using Microsoft.Extensions.Logging;

namespace Gateway.Radio.EnOcean;

/// <summary>
/// The EnOcean radio: an ESP3 dongle (USB 300 and alike) on a serial port or tcp:// link. Decodes the telegrams of
/// taught-in devices into states, teaches devices in (4BS with EEP, UTE with its answer, 1BS, RPS with the profile
/// the user names), and drives A5-38-08 and D2-01 actuators.
/// </summary>
public sealed class EnOceanRadio : IRadio, IRadioAddressAllocator
{
    public const string ProtocolName = "enocean";
    private const int FirstActuatorOffset = 1;

    /// <summary>Telegrams and reads are sent again when the dongle's RESPONSE is late (a busy host, a noisy line).</summary>
    private const int SendAttempts = 3;

    private readonly EnOceanRadioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EnOceanRadio> _logger;
    private readonly Func<IByteTransport> _createTransport;
    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, KnownEnOceanDevice> _byAddress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<uint, long> _lastHeard = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _confirmations = new(StringComparer.Ordinal);
    private readonly EnOceanCounters _counters = new();
    private readonly TelegramDeduplicator _deduplicator;
    private readonly LearnMode _learn;
    private ReconnectingLink? _link;
    private ITimer? _availabilityTimer;
    private volatile Esp3Session? _session;
    private volatile IdBaseInfo? _idBase;

    public EnOceanRadio(EnOceanRadioOptions options, TimeProvider time, ILogger<EnOceanRadio> logger, Func<IByteTransport>? createTransport = null)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _createTransport = createTransport ?? (() => ByteTransports.Create(options.Port, options.BaudRate));
        _deduplicator = new TelegramDeduplicator(time);
        _learn = new LearnMode(time);
    }

    public string Protocol => ProtocolName;

    public ChannelReader<DeviceReport> Reports => _reports.Reader;

    /// <summary>The dongle's base id once read (the first of 128 sender ids the gateway may use).</summary>
    public uint? BaseId => _idBase?.BaseId;

    public bool Connected => _session is not null;

    public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        foreach (var known in context.KnownDevices) Remember(known);
        _link = new ReconnectingLink(_createTransport, RunSessionAsync, _time, _logger);
        _link.Start();
        var check = TimeSpan.FromSeconds(Math.Clamp(_options.SensorTimeoutMinutes * 60 / 10, 1, 60));
        _availabilityTimer = _time.CreateTimer(_ => CheckAvailability(), null, check, check);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _availabilityTimer?.Dispose();
        _learn.Close();
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
            ["devices"] = _byAddress.Count,
            ["connects"] = _link?.Connects ?? 0,
            ["disconnects"] = _link?.Disconnects ?? 0,
            ["openFailures"] = _link?.OpenFailures ?? 0,
        };
        return new RadioDiagnostics(Protocol, Connected, _learn.IsActive, counters);
    }

    // ---- pairing -------------------------------------------------------------------------------------------

    public async Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken)
    {
        EepProfile? profile = null;
        var encoding = A53808DimEncoding.AbsolutePercent;
        if (request.Profile is { } reference)
        {
            var text = DimEncodings.Split(reference, out var chosen);
            if (!EepProfile.TryParse(text, out var parsed) || EnOceanKinds.For(parsed) is null || (chosen is not null && parsed != A53808.Profile))
                throw new ArgumentException($"EEP {reference} is not supported");
            profile = parsed;
            encoding = chosen ?? encoding;
        }
        if (profile == A53808.Profile)
        {
            // Actuators that learn from us: the user has put the actuator in learn mode; send our teach-in.
            await TeachActuatorAsync(encoding, cancellationToken);
            return;
        }
        _learn.Open(request.Duration, profile, () =>
        {
            _logger.LogInformation("EnOcean learn mode timed out");
            _reports.Writer.TryWrite(new PairingModeReported(false, TimedOut: true));
        });
        _logger.LogInformation("EnOcean learn mode open for {Duration} (profile {Profile})", request.Duration, profile?.ToString() ?? "announced by device");
        _reports.Writer.TryWrite(new PairingModeReported(true, false));
    }

    public Task StopPairingAsync(CancellationToken cancellationToken)
    {
        if (_learn.Close()) _reports.Writer.TryWrite(new PairingModeReported(false, false));
        return Task.CompletedTask;
    }

    public Task<string> NextAddressAsync(string deviceType, CancellationToken cancellationToken)
    {
        var idBase = _idBase ?? throw new InvalidOperationException("the EnOcean dongle has not answered yet");
        return Task.FromResult($"{idBase.SenderId(NextFreeOffset(idBase)):X8}");
    }

    // ---- commands ------------------------------------------------------------------------------------------

    public async Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        if (!_byAddress.TryGetValue(command.Address, out var device))
            throw new RadioCommandException(FailureType.ActuatorUnknown, $"no EnOcean device {command.Address}");
        if (device.Eep == A53808.Profile && command.Name == DimEncodings.Command)
        {
            SetDimEncoding(device, command, progress);
            return;
        }
        var session = _session ?? throw new RadioCommandException(FailureType.ActuatorNoAnswer, "the EnOcean dongle is not connected");

        if (device.Eep == A53808.Profile) await ExecuteGatewayTaughtAsync(session, device, command, progress, cancellationToken);
        else if (device.Eep.Rorg == Rorg.Vld && device.Eep.Func == 0x01) await ExecuteD201Async(session, device, command, progress, cancellationToken);
        else throw new RadioCommandException(FailureType.CommandUnknown, $"{device.Eep} takes no commands");
    }

    private async Task ExecuteGatewayTaughtAsync(Esp3Session session, KnownEnOceanDevice device, RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        var sender = device.GatewaySenderId ?? device.DeviceId;
        var (telegram, states) = command.Name switch
        {
            "on" => (A53808.Switching(sender, true), new[] { DeviceState.Of(EepStateNames.OnOffState, "on") }),
            "off" => (A53808.Switching(sender, false), [DeviceState.Of(EepStateNames.OnOffState, "off")]),
            "setIntensity" => Dim(sender, command.Parameters[0].GetInt32(), device.DimEncoding),
            "teachIn" => (A53808.TeachIn(sender), []),
            _ => throw new RadioCommandException(FailureType.CommandUnknown, $"{command.Name} is not an A5-38-08 command"),
        };
        await SendTelegramAsync(session, telegram, cancellationToken);
        progress.Transmitted();
        progress.InProgress();
        // These actuators never answer: what was sent is the best knowledge of their state.
        if (states.Length > 0) _reports.Writer.TryWrite(new StatesReported(device.Address, states));

        static (Erp1Telegram, DeviceState[]) Dim(uint sender, int percent, A53808DimEncoding encoding) =>
            (A53808.Dimming(sender, percent, 0, percent > 0, encoding: encoding),
             [DeviceState.Of(EepStateNames.OnOffState, percent > 0 ? "on" : "off"), DeviceState.Of(EepStateNames.LightIntensityState, percent)]);
    }

    /// <summary>Nothing goes on air: the next setIntensity is written the new way, and the choice is kept as a state.</summary>
    private void SetDimEncoding(KnownEnOceanDevice device, RadioCommand command, IRadioCommandProgress progress)
    {
        if (command.Parameters.Count != 1 || command.Parameters[0].ValueKind != System.Text.Json.JsonValueKind.String
            || !DimEncodings.TryParse(command.Parameters[0].GetString(), out var encoding))
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, "setDimEncoding takes AbsolutePercent, Absolute255 or RelativePercent");
        _byAddress[device.Address] = device with { DimEncoding = encoding };
        progress.Transmitted();
        progress.InProgress();
        _reports.Writer.TryWrite(new StatesReported(device.Address, [DeviceState.Of(KnownEnOceanDevice.DimEncodingState, encoding.ToString())]));
        _logger.LogInformation("EnOcean actuator {Address} now dims with {Encoding}", device.Address, encoding);
    }

    private async Task ExecuteD201Async(Esp3Session session, KnownEnOceanDevice device, RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        var sender = GatewaySender();
        var channel = device.Channel ?? 0;
        var telegram = command.Name switch
        {
            "on" => D201.SetOutput(sender, device.DeviceId, channel, 100),
            "off" => D201.SetOutput(sender, device.DeviceId, channel, 0),
            "setIntensity" => D201.SetOutput(sender, device.DeviceId, channel, command.Parameters[0].GetInt32()),
            "refreshState" => D201.StatusQuery(sender, device.DeviceId, channel),
            _ => throw new RadioCommandException(FailureType.CommandUnknown, $"{command.Name} is not a D2-01 command"),
        };
        var confirmation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _confirmations[device.Address] = confirmation;
        try
        {
            await SendTelegramAsync(session, telegram, cancellationToken);
            progress.Transmitted();
            // The actuator answers with its status (CMD 4); that answer completes the command.
            await confirmation.Task.WaitAsync(TimeSpan.FromSeconds(_options.ActuatorTimeoutSeconds), _time, cancellationToken);
            progress.InProgress();
        }
        catch (TimeoutException)
        {
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"{device.Address} did not confirm {command.Name}");
        }
        finally
        {
            _confirmations.TryRemove(new KeyValuePair<string, TaskCompletionSource>(device.Address, confirmation));
        }
    }

    private async Task SendTelegramAsync(Esp3Session session, Erp1Telegram telegram, CancellationToken cancellationToken)
    {
        Esp3Packet response;
        try
        {
            response = await session.SendAsync(telegram.ToPacket(), SendAttempts, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or TransportException)
        {
            throw new RadioCommandException(FailureType.ActuatorNoAnswer, $"the dongle did not take the telegram: {ex.Message}");
        }
        if (response.Data.Length == 0 || response.Data[0] != (byte)Esp3ReturnCode.Ok)
        {
            _counters.Increment(ref _counters.ErrorResponses);
            throw new RadioCommandException(FailureType.ErrorWhileExecuting, $"the dongle refused the telegram ({(response.Data.Length > 0 ? response.Data[0] : -1)})");
        }
    }

    // ---- link ----------------------------------------------------------------------------------------------

    private async Task RunSessionAsync(IByteTransport transport, CancellationToken cancellationToken)
    {
        var session = new Esp3Session(transport, OnPacket, _counters);
        var reading = session.RunAsync(cancellationToken);
        try
        {
            await IdentifyDongleAsync(session, cancellationToken);
            _session = session;
            await reading;
        }
        finally
        {
            _session = null;
            foreach (var waiter in _confirmations.Values) waiter.TrySetException(new TransportException("link lost"));
        }
    }

    private async Task IdentifyDongleAsync(Esp3Session session, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var version = await session.SendAsync(Esp3Commands.ReadVersion(), SendAttempts, cancellationToken);
                if (VersionInfo.TryParse(version.Data, out var info))
                    _logger.LogInformation("EnOcean dongle {Description} app {App} api {Api} chip {Chip:X8}", info.AppDescription, info.AppVersion, info.ApiVersion, info.ChipId);
                var idBase = await session.SendAsync(Esp3Commands.ReadIdBase(), SendAttempts, cancellationToken);
                if (!IdBaseInfo.TryParse(idBase.Data, idBase.OptionalData, out var ids))
                    throw new InvalidDataException("the dongle's id base answer is malformed");
                _idBase = ids;
                _logger.LogInformation("EnOcean base id {BaseId:X8}", ids.BaseId);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                _logger.LogWarning("EnOcean dongle did not answer (attempt {Attempt})", attempt);
            }
        }
    }

    // ---- incoming ------------------------------------------------------------------------------------------

    private void OnPacket(Esp3Packet packet)
    {
        if (packet.PacketType != Esp3PacketType.RadioErp1) return;
        if (!Erp1Telegram.TryParse(packet, out var telegram))
        {
            _counters.Increment(ref _counters.Undecodable);
            return;
        }
        _counters.Increment(ref _counters.Telegrams);
        if (!_deduplicator.IsNew(telegram))
        {
            _counters.Increment(ref _counters.DuplicatesDropped);
            return;
        }
        try
        {
            if (_learn.IsActive && TryTeachIn(telegram)) return;
            Decode(telegram);
        }
        catch (Exception ex)
        {
            // A decoder bug must cost one telegram, never the link.
            _counters.Increment(ref _counters.Undecodable);
            _logger.LogWarning(ex, "Telegram {Telegram} could not be handled", telegram);
        }
    }

    private void Decode(Erp1Telegram telegram)
    {
        var devices = _byAddress.Values.Where(d => d.DeviceId == telegram.SenderId && d.GatewaySenderId is null).ToList();
        if (devices.Count == 0)
        {
            _counters.Increment(ref _counters.UnknownSenders);
            return;
        }
        var decoder = EepDecoders.Find(devices[0].Eep);
        if (decoder is null) return;
        HeardFrom(telegram.SenderId, devices);

        var signal = telegram.Dbm is { } dbm ? SignalStates.From(dbm) : [];
        var readings = decoder.DecodeReadings(telegram);
        if (readings.Count == 0) _counters.Increment(ref _counters.Undecodable);
        foreach (var reading in readings)
        {
            var address = KnownEnOceanDevice.AddressOf(telegram.SenderId, reading.Channel);
            if (reading.Channel is not null && !_byAddress.ContainsKey(address)) continue;
            if (reading.Channel is null && !_byAddress.ContainsKey(address)) continue;
            _reports.Writer.TryWrite(new StatesReported(address, [.. reading.States, .. signal]));
            if (_confirmations.TryGetValue(address, out var waiting)) waiting.TrySetResult();
        }
    }

    private bool TryTeachIn(Erp1Telegram telegram)
    {
        if (UteQuery.TryParse(telegram, out var ute))
        {
            _ = AnswerUteAsync(ute);
            return true;
        }
        if (TeachIn.TryParse4Bs(telegram, out var eep4bs, out var manufacturer))
            return Learn(telegram.SenderId, eep4bs, channels: 1, manufacturer);
        if (TeachIn.Is1BsTeachIn(telegram))
            return Learn(telegram.SenderId, new EepProfile(Rorg.Bs1, 0x00, 0x01), channels: 1, manufacturer: null);
        if (telegram.Rorg == Rorg.Rps && !_byAddress.Values.Any(d => d.DeviceId == telegram.SenderId))
        {
            // Rockers cannot say what they are: the profile the user chose, else the common two-rocker one.
            var profile = _learn.Profile is { Rorg: Rorg.Rps } chosen ? chosen : new EepProfile(Rorg.Rps, 0x02, 0x01);
            return Learn(telegram.SenderId, profile, channels: 1, manufacturer: null);
        }
        return false;
    }

    private async Task AnswerUteAsync(UteQuery query)
    {
        var supported = EnOceanKinds.For(query.Eep) is not null;
        try
        {
            if (query.ResponseExpected && _session is { } session)
                await SendTelegramAsync(session, query.BuildResponse(GatewaySender(), supported), CancellationToken.None);
        }
        catch (RadioCommandException ex)
        {
            _logger.LogWarning("UTE answer to {Sender:X8} not sent: {Reason}", query.SenderId, ex.Message);
        }
        if (supported)
        {
            var channels = query.ChannelCount is 0 or 0xFF ? 1 : Math.Min((int)query.ChannelCount, 30);
            Learn(query.SenderId, query.Eep, channels, query.ManufacturerId);
        }
        else
        {
            _logger.LogWarning("UTE teach-in of unsupported EEP {Eep} from {Sender:X8} refused", query.Eep, query.SenderId);
        }
    }

    private bool Learn(uint deviceId, EepProfile eep, int channels, ushort? manufacturer)
    {
        if (EnOceanKinds.For(eep) is not { } kind)
        {
            _logger.LogWarning("Teach-in of {Sender:X8} with unsupported EEP {Eep} ignored", deviceId, eep);
            return true;
        }
        var multiChannel = eep.Rorg == Rorg.Vld && eep.Func == 0x01;
        for (var channel = 0; channel < (multiChannel ? channels : 1); channel++)
        {
            var device = new KnownEnOceanDevice(KnownEnOceanDevice.AddressOf(deviceId, multiChannel ? channel : null), deviceId, multiChannel ? channel : null, eep, null);
            if (_byAddress.ContainsKey(device.Address)) continue;
            _byAddress[device.Address] = device;
            _counters.Increment(ref _counters.TeachIns);
            var label = multiChannel && channels > 1 ? $"{kind.Label} {deviceId:X8} channel {channel + 1}" : $"{kind.Label} {deviceId:X8}";
            _reports.Writer.TryWrite(new DeviceDiscovered(device.Address, kind.ControllableName, label, InitialStates(eep), Attributes(eep, manufacturer, null)));
            _logger.LogInformation("EnOcean device {Address} taught in as {Eep}", device.Address, eep);
        }
        HeardFrom(deviceId, []);
        return true;
    }

    private async Task TeachActuatorAsync(A53808DimEncoding encoding, CancellationToken cancellationToken)
    {
        var idBase = _idBase ?? throw new InvalidOperationException("the EnOcean dongle has not answered yet");
        var session = _session ?? throw new InvalidOperationException("the EnOcean dongle is not connected");
        var sender = idBase.SenderId(NextFreeOffset(idBase));
        var device = new KnownEnOceanDevice($"{sender:X8}", sender, null, A53808.Profile, sender, encoding);
        await SendTelegramAsync(session, A53808.TeachIn(sender), cancellationToken);
        _byAddress[device.Address] = device;
        _counters.Increment(ref _counters.TeachIns);
        _reports.Writer.TryWrite(new DeviceDiscovered(device.Address, EnOceanKinds.GatewayTaughtActuator, $"EnOcean actuator {sender:X8}",
            [DeviceState.Of(EepStateNames.OnOffState, "off"), DeviceState.Of(EepStateNames.LightIntensityState, 0),
             DeviceState.Of(KnownEnOceanDevice.DimEncodingState, encoding.ToString())],
            Attributes(A53808.Profile, A53808.MultiUserManufacturer, sender)));
        _logger.LogInformation("EnOcean actuator taught with gateway sender {Sender:X8}, dimming with {Encoding}", sender, encoding);
    }

    // ---- availability --------------------------------------------------------------------------------------

    private void HeardFrom(uint deviceId, IReadOnlyList<KnownEnOceanDevice> devices)
    {
        var previous = _lastHeard.TryGetValue(deviceId, out var p) ? p : (long?)null;
        _lastHeard[deviceId] = _time.GetTimestamp();
        if (previous == long.MinValue)
            foreach (var device in devices) _reports.Writer.TryWrite(new AvailabilityReported(device.Address, true));
    }

    private void CheckAvailability()
    {
        var timeout = TimeSpan.FromMinutes(_options.SensorTimeoutMinutes);
        foreach (var group in _byAddress.Values.Where(d => EnOceanKinds.ReportsPeriodically(d.Eep)).GroupBy(d => d.DeviceId))
        {
            if (!_lastHeard.TryGetValue(group.Key, out var heard) || heard == long.MinValue) continue;
            if (_time.GetElapsedTime(heard) < timeout) continue;
            _lastHeard[group.Key] = long.MinValue;
            foreach (var device in group) _reports.Writer.TryWrite(new AvailabilityReported(device.Address, false));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void Remember(KnownDevice known)
    {
        if (!KnownEnOceanDevice.TryParseAddress(known.Address, out var deviceId, out var channel)) return;
        if (!EepProfile.TryParse(known.Attribute(KnownEnOceanDevice.EepAttribute), out var eep)) return;
        uint? sender = uint.TryParse(known.Attribute(KnownEnOceanDevice.SenderIdAttribute), System.Globalization.NumberStyles.HexNumber, null, out var s) ? s : null;
        var stored = known.States.FirstOrDefault(st => st.Name == KnownEnOceanDevice.DimEncodingState);
        var encoding = stored is not null && stored.Value.ValueKind == System.Text.Json.JsonValueKind.String
            && DimEncodings.TryParse(stored.Value.GetString(), out var e) ? e : A53808DimEncoding.AbsolutePercent;
        _byAddress[known.Address] = new KnownEnOceanDevice(known.Address, deviceId, channel, eep, sender, encoding);
        _lastHeard.TryAdd(deviceId, _time.GetTimestamp());
    }

    private uint GatewaySender() => _idBase?.BaseId ?? throw new RadioCommandException(FailureType.ActuatorNoAnswer, "the EnOcean dongle has not answered yet");

    private int NextFreeOffset(IdBaseInfo idBase)
    {
        var used = _byAddress.Values.Where(d => d.GatewaySenderId is not null).Select(d => (int)(d.GatewaySenderId!.Value - idBase.BaseId)).ToHashSet();
        for (var offset = FirstActuatorOffset; offset < IdBaseInfo.IdCount; offset++)
            if (!used.Contains(offset)) return offset;
        throw new InvalidOperationException("all 127 gateway sender ids are in use");
    }

    private static IReadOnlyList<DeviceState> Attributes(EepProfile eep, ushort? manufacturer, uint? sender)
    {
        var attributes = new List<DeviceState> { DeviceState.Of(KnownEnOceanDevice.EepAttribute, eep.ToString()) };
        if (manufacturer is { } m) attributes.Add(DeviceState.Of("enocean:ManufacturerId", m));
        if (sender is { } s) attributes.Add(DeviceState.Of(KnownEnOceanDevice.SenderIdAttribute, $"{s:X8}"));
        return attributes;
    }

    private static IReadOnlyList<DeviceState> InitialStates(EepProfile eep) =>
        eep.Rorg == Rorg.Vld ? [DeviceState.Of(EepStateNames.OnOffState, "off")] : [];
}
