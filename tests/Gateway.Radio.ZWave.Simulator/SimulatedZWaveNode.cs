using Gateway.Radio.ZWave.CommandClasses;
using Gateway.Radio.ZWave.Encapsulation;

namespace Gateway.Radio.ZWave.Simulator;

/// <summary>
/// A node in the simulated network: its protocol info and node information, and how it answers command class
/// payloads (the reports it sends back). <see cref="Report"/> makes it send a report on its own.
/// </summary>
public abstract class SimulatedZWaveNode(byte nodeId, bool listening, byte generic, byte specific, byte[] commandClasses)
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _received = [];

    public byte NodeId { get; } = nodeId;
    public bool Listening { get; } = listening;
    public byte Basic => 0x04;
    public byte Generic { get; } = generic;
    public byte Specific { get; } = specific;
    public byte[] CommandClasses { get; } = commandClasses;
    public ushort ManufacturerId { get; init; } = 0x0086;
    public ushort ProductType { get; init; } = 0x0003;
    public ushort ProductId { get; init; } = 0x0001;
    public int BatteryLevel { get; set; } = 90;

    /// <summary>False: the node is out of reach; the controller reports no ACK for what is sent to it.</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>A sleeping battery node hears nothing until it wakes up (<see cref="WakeUp"/>); No More Information sends it back to sleep.</summary>
    public bool Asleep { get; set; }

    /// <summary>True when the node can hear the controller now.</summary>
    public bool Hears => Reachable && !Asleep;

    /// <summary>The node wakes up and says so (Wake Up Notification).</summary>
    public void WakeUp()
    {
        Asleep = false;
        Report(WakeUpCommandClass.Notification());
    }

    /// <summary>Called when the node sends a report on its own (the controller passes it to the host).</summary>
    internal Action<SimulatedZWaveNode, byte[]>? Reporter { get; set; }

    /// <summary>Every payload the node received, in order.</summary>
    public IReadOnlyList<byte[]> Received
    {
        get
        {
            lock (_gate) return [.. _received];
        }
    }

    /// <summary>How many interview requests (node info, manufacturer, version, notification types) the node answered.</summary>
    public int InterviewRequests { get; private set; }

    internal void NoteNodeInfoRequest() => InterviewRequests++;

    /// <summary>Called with every payload the node receives, as the controller hands it over (benchmarks time it).</summary>
    public Action<byte[]>? Heard { get; set; }

    /// <summary>The node its lifeline (association group 1) points at, 0 when none.</summary>
    public byte LifelineNodeId { get; private set; }

    /// <summary>The wake-up interval the controller set (seconds), 0 when never set.</summary>
    public int WakeUpIntervalSeconds { get; private set; }

    /// <summary>Configuration parameters: number → (size, value).</summary>
    public Dictionary<byte, (int Size, long Value)> Parameters { get; } = [];

    /// <summary>The status the node answers the next Supervision Gets with (Success unless a test says otherwise).</summary>
    public byte SupervisionStatus { get; set; } = SupervisionCommandClass.Success;

    /// <summary>The reports the node sends back for a payload it received.</summary>
    internal IReadOnlyList<byte[]> Receive(byte[] payload)
    {
        lock (_gate) _received.Add(payload);
        Heard?.Invoke(payload);
        if (payload is [CommandClassId.MultiChannel, MultiChannelLayer.CommandEncapsulation, _, var destination, _, _, ..])
        {
            var endpoint = (byte)(destination & 0x7F);
            return [.. ReceiveAt(endpoint, payload[4..]).Select(report => Encapsulate(endpoint, report))];
        }
        return ReceiveAt(0, payload);
    }

    private IReadOnlyList<byte[]> ReceiveAt(byte endpoint, byte[] payload)
    {
        if (payload.Length < 2) return [];
        if (SupervisionCommandClass.ParseGet(payload) is { } supervised && CommandClasses.Contains(CommandClassId.Supervision))
        {
            var status = SupervisionStatus;
            var reports = status == SupervisionCommandClass.Success ? ReceiveAt(endpoint, supervised.Command) : [];
            return [SupervisionCommandClass.Report(supervised.SessionId, status), .. reports];
        }
        if (endpoint != 0) return HandleEndpoint(endpoint, payload);
        switch (payload[0], payload[1])
        {
            case (CommandClassId.WakeUp, WakeUpCommandClass.NoMoreInformationCommand):
                Asleep = true;
                return [];
            case (CommandClassId.WakeUp, WakeUpCommandClass.IntervalSetCommand) when payload.Length >= 6:
                WakeUpIntervalSeconds = (payload[2] << 16) | (payload[3] << 8) | payload[4];
                return [];
            case (CommandClassId.WakeUp, WakeUpCommandClass.IntervalGetCommand):
                return [WakeUpCommandClass.IntervalReport(WakeUpIntervalSeconds, LifelineNodeId)];
            case (CommandClassId.Association, AssociationCommandClass.SetCommand) when payload.Length >= 4 && payload[2] == AssociationCommandClass.Lifeline:
                LifelineNodeId = payload[3];
                return [];
            case (CommandClassId.Association, AssociationCommandClass.GetCommand) when payload.Length >= 3 && payload[2] == AssociationCommandClass.Lifeline:
                return [LifelineNodeId != 0 ? AssociationCommandClass.Report(payload[2], 5, LifelineNodeId) : AssociationCommandClass.Report(payload[2], 5)];
            case (CommandClassId.Configuration, ConfigurationCommandClass.SetCommand) when payload.Length >= 5 && CommandClasses.Contains(CommandClassId.Configuration):
                var size = payload[3] & 0x07;
                if (ConfigurationCommandClass.IsValidSize(size) && payload.Length >= 4 + size)
                    Parameters[payload[2]] = (size, ReadSigned(payload.AsSpan(4, size)));
                return [];
            case (CommandClassId.Configuration, ConfigurationCommandClass.GetCommand) when payload.Length >= 3 && CommandClasses.Contains(CommandClassId.Configuration):
                var (pSize, pValue) = Parameters.GetValueOrDefault(payload[2], (1, 0));
                return [ConfigurationCommandClass.Report(payload[2], pSize, pValue)];
            case (CommandClassId.ManufacturerSpecific, ManufacturerSpecificCommandClass.GetCommand):
                InterviewRequests++;
                return [ManufacturerSpecificCommandClass.Report(ManufacturerId, ProductType, ProductId)];
            case (CommandClassId.Version, VersionCommandClass.GetCommand):
                InterviewRequests++;
                return [VersionCommandClass.Report(0x03, 7, 18, 1, 2)];
            case (CommandClassId.Battery, BatteryCommandClass.GetCommand) when CommandClasses.Contains(CommandClassId.Battery):
                return [BatteryCommandClass.Report((byte)BatteryLevel)];
        }
        return Handle(payload);
    }

    private static long ReadSigned(ReadOnlySpan<byte> bytes)
    {
        long value = (sbyte)bytes[0];
        foreach (var b in bytes[1..]) value = (value << 8) | b;
        return value;
    }

    private static byte[] Encapsulate(byte endpoint, byte[] report) => report is [CommandClassId.Supervision, ..] && endpoint == 0
        ? report : [CommandClassId.MultiChannel, MultiChannelLayer.CommandEncapsulation, endpoint, 0x00, .. report];

    /// <summary>What one Multi Channel endpoint does with a payload (nodes without endpoints answer nothing).</summary>
    protected virtual IReadOnlyList<byte[]> HandleEndpoint(byte endpoint, byte[] payload) => [];

    /// <summary>An endpoint of the node sends a report on its own (Multi Channel encapsulated).</summary>
    public void ReportFrom(byte endpoint, byte[] payload) => Report(Encapsulate(endpoint, payload));

    /// <summary>What the device itself does with a payload.</summary>
    protected abstract IReadOnlyList<byte[]> Handle(byte[] payload);

    /// <summary>The node sends a report unsolicited (a sensor reading, a state change at the device).</summary>
    public void Report(byte[] payload) => Reporter?.Invoke(this, payload);
}
