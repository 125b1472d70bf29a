using System.Collections.Concurrent;
using System.Threading.Channels;
using Gateway.Core.Executions;
using Gateway.Core.Model;
using Gateway.Core.Radio;
using Gateway.Radio.Simulated.Devices;

namespace Gateway.Radio.Simulated;

/// <summary>
/// A radio with a whole simulated home behind it. Commands take radio-like time (transmit, acknowledge, act);
/// sensors report on their own; any device can be made unreachable or slow.
/// </summary>
public sealed class SimulatedRadio : IRadio
{
    public const string ProtocolName = "sim";

    private static readonly TimeSpan TransmitTime = TimeSpan.FromMilliseconds(30);
    private static readonly TimeSpan AcknowledgeTime = TimeSpan.FromMilliseconds(60);
    private static readonly TimeSpan NoAnswerTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<DeviceReport> _reports = Channel.CreateUnbounded<DeviceReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, SimulatedDevice> _devices;
    private readonly ConcurrentDictionary<string, DeviceFault> _faults = new(StringComparer.Ordinal);
    private readonly SimulationContext _context;
    private readonly TimeProvider _time;
    private readonly SimulatedRadioOptions _options;
    private readonly Lock _sensorGate = new(); // a reading set from outside is not overtaken by a tick computed from the old one
    private ITimer? _sensorTimer;
    private long _commands, _failures, _reportsSent;
    private bool _pairing;

    public SimulatedRadio(SimulatedRadioOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _devices = SimulatedHome.Build(options.HomeSize).ToDictionary(d => d.Address, StringComparer.Ordinal);
        _context = new SimulationContext(time, new Random(options.Seed), Report, options);
        foreach (var address in options.Unreachable) _faults[address] = new DeviceFault(true, TimeSpan.Zero);
    }

    public string Protocol => ProtocolName;

    public ChannelReader<DeviceReport> Reports => _reports.Reader;

    public IReadOnlyCollection<SimulatedDevice> Devices => _devices.Values;

    public Task StartAsync(RadioStartContext context, CancellationToken cancellationToken)
    {
        var settled = Resume(context);
        foreach (var device in _devices.Values)
        {
            _reports.Writer.TryWrite(new DeviceDiscovered(device.Address, device.ControllableName, device.Label, device.InitialStates(), device.Attributes()));
            if (FaultOf(device.Address).Unreachable) _reports.Writer.TryWrite(new AvailabilityReported(device.Address, false));
        }
        foreach (var (address, states) in settled) Report(address, states);
        // Each tick, every sensor reports with a probability that gives the configured mean interval.
        var tick = TimeSpan.FromSeconds(Math.Max(0.05, _options.SensorIntervalSeconds / 10));
        _sensorTimer = _time.CreateTimer(_ => TickSensors(), null, tick, tick);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _sensorTimer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RadioCommand command, IRadioCommandProgress progress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commands);
        if (!_devices.TryGetValue(command.Address, out var device))
            throw Fail(FailureType.ActuatorUnknown, $"no simulated device at {command.Address}");

        var fault = FaultOf(command.Address);
        await Task.Delay(TransmitTime, _time, cancellationToken);
        progress.Transmitted();
        if (fault.Unreachable)
        {
            await Task.Delay(NoAnswerTimeout, _time, cancellationToken);
            _reports.Writer.TryWrite(new AvailabilityReported(command.Address, false));
            throw Fail(FailureType.ActuatorNoAnswer, $"{device.Label} did not answer");
        }
        await Task.Delay(AcknowledgeTime + fault.ExtraLatency, _time, cancellationToken);
        progress.InProgress();
        await device.ExecuteAsync(command, _context, cancellationToken);
    }

    /// <summary>Injects (or with <see cref="DeviceFault.None"/> clears) a fault on one device.</summary>
    public bool SetFault(string address, DeviceFault fault)
    {
        if (!_devices.ContainsKey(address)) return false;
        _faults[address] = fault;
        _reports.Writer.TryWrite(new AvailabilityReported(address, !fault.Unreachable));
        return true;
    }

    /// <summary>
    /// Makes one device report <paramref name="states"/> now, through the same report path as its own readings (so
    /// the registry, events, triggers and persistence see an ordinary report). A value given as an integer for a
    /// state the device keeps as a float is reported as a float. The device then carries on from the new values (a
    /// sensor's drift and refresh, a cover's next move start from them). False if there is no simulated device at that address.
    /// </summary>
    public bool ReportStates(string address, IReadOnlyList<DeviceState> states)
    {
        if (!_devices.TryGetValue(address, out var device)) return false;
        if (states.Count == 0) return true;
        lock (_sensorGate)
        {
            var known = device.InitialStates();
            var reported = states.Select(s => Coerce(s, known.FirstOrDefault(k => k.Name == s.Name))).ToList();
            device.Observe(reported);
            Report(address, reported);
        }
        return true;
    }

    /// <summary>
    /// Devices the gateway already knows carry on from their last stored states (a sensor from its reading, a cover
    /// from its position ...), as real ones would after a gateway restart. A move cut by the stop (a kill -9 mid-travel)
    /// did not go on while the gateway was away: such a device is returned with the states that say it stands where
    /// it was last seen (not moving, target = position), to be reported once it is discovered.
    /// </summary>
    private List<(string Address, IReadOnlyList<DeviceState> States)> Resume(RadioStartContext context)
    {
        var settled = new List<(string, IReadOnlyList<DeviceState>)>();
        lock (_sensorGate)
        {
            foreach (var known in context.KnownDevices)
            {
                if (known.States.Count == 0 || !_devices.TryGetValue(known.Address, out var device)) continue;
                var own = device.InitialStates();
                var stored = new List<DeviceState>();
                foreach (var state in known.States)
                {
                    // Only states this device has, of the type it keeps them as.
                    if (own.FirstOrDefault(o => o.Name == state.Name) is not { } mine) continue;
                    var coerced = Coerce(state, mine);
                    if (coerced.Type == mine.Type) stored.Add(coerced);
                }
                if (stored.Count == 0) continue;
                device.Observe(stored);
                if (Unsettled(known.States, device.InitialStates()) is { Count: > 0 } standing) settled.Add((known.Address, standing));
            }
        }
        return settled;
    }

    private static readonly string[] MotionStates = ["core:MovingState", "core:TargetClosureState"];

    /// <summary>The device's own motion states where the stored ones say otherwise (still moving, another target).</summary>
    private static List<DeviceState> Unsettled(IReadOnlyList<DeviceState> stored, IReadOnlyList<DeviceState> own) =>
        own.Where(mine => MotionStates.Contains(mine.Name)
                && stored.FirstOrDefault(s => s.Name == mine.Name) is { } was
                && !was.ValueEquals(mine))
            .ToList();

    private static DeviceState Coerce(DeviceState state, DeviceState? known) =>
        known is { Type: StateType.Float } && state.Type == StateType.Int ? DeviceState.Of(state.Name, state.Value.GetDouble()) : state;

    /// <summary>The simulated home is complete; pairing opens and closes (and says so) but finds nothing new.</summary>
    public Task StartPairingAsync(PairingRequest request, CancellationToken cancellationToken)
    {
        _pairing = true;
        _reports.Writer.TryWrite(new PairingModeReported(true, false));
        return Task.CompletedTask;
    }

    public Task StopPairingAsync(CancellationToken cancellationToken)
    {
        _pairing = false;
        _reports.Writer.TryWrite(new PairingModeReported(false, false));
        return Task.CompletedTask;
    }

    public RadioDiagnostics GetDiagnostics() => new(Protocol, _sensorTimer is not null, _pairing, new Dictionary<string, long>
    {
        ["devices"] = _devices.Count,
        ["commands"] = Interlocked.Read(ref _commands),
        ["commandFailures"] = Interlocked.Read(ref _failures),
        ["reports"] = Interlocked.Read(ref _reportsSent),
        ["faultyDevices"] = _faults.Count(f => f.Value != DeviceFault.None),
    });

    public ValueTask DisposeAsync()
    {
        _sensorTimer?.Dispose();
        _reports.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private void TickSensors()
    {
        lock (_sensorGate)
        {
            foreach (var device in _devices.Values)
            {
                if (FaultOf(device.Address).Unreachable || _context.NextDouble() >= 0.1) continue;
                device.Tick(_context);
            }
        }
    }

    private void Report(string address, IReadOnlyList<DeviceState> states)
    {
        Interlocked.Increment(ref _reportsSent);
        _reports.Writer.TryWrite(new StatesReported(address, states));
    }

    private DeviceFault FaultOf(string address) => _faults.GetValueOrDefault(address, DeviceFault.None);

    private RadioCommandException Fail(FailureType type, string message)
    {
        Interlocked.Increment(ref _failures);
        return new RadioCommandException(type, message);
    }
}
