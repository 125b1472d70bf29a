using Gateway.Radio.ZWave.CommandClasses;

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

    /// <summary>The reports the node sends back for a payload it received.</summary>
    internal IReadOnlyList<byte[]> Receive(byte[] payload)
    {
        lock (_gate) _received.Add(payload);
        if (payload.Length < 2) return [];
        switch (payload[0], payload[1])
        {
            case (CommandClassId.WakeUp, WakeUpCommandClass.NoMoreInformationCommand):
                Asleep = true;
                return [];
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

    /// <summary>What the device itself does with a payload.</summary>
    protected abstract IReadOnlyList<byte[]> Handle(byte[] payload);

    /// <summary>The node sends a report unsolicited (a sensor reading, a state change at the device).</summary>
    public void Report(byte[] payload) => Reporter?.Invoke(this, payload);
}
