using Gateway.Radio.Io.Protocol;

namespace Gateway.Radio.Io.Simulator;

/// <summary>
/// An io actuator behind the simulated KLF-200: a motor that travels its whole range in <see cref="TravelTime"/>,
/// with a "my" (default) position and an optional obstacle it stops at.
/// </summary>
public sealed class SimulatedIoNode(byte nodeId, int ioAddress, string name, ushort typeSubtype, byte manufacturer = SystemTableEntry.ManufacturerSomfy)
{
    private readonly Lock _gate = new();
    private ushort _position = IoParameter.Open;
    private ushort _target = IoParameter.Open;

    public byte NodeId => nodeId;
    public int IoAddress => ioAddress;
    public string Name { get; set; } = name;
    public ushort TypeSubtype => typeSubtype;
    public byte Manufacturer => manufacturer;
    public byte[] Serial { get; } = [0x53, 0x49, 0x4D, 0x00, 0x00, 0x00, nodeId, (byte)ioAddress];
    public TimeSpan TravelTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The favourite position the main parameter "default" (0xD300) sends the node to.</summary>
    public ushort MyPosition { get; set; } = IoParameter.FromClosure(50);

    /// <summary>A closure (0–100) where something blocks the motor; null when the way is free.</summary>
    public int? ObstacleAt { get; set; }

    /// <summary>A status reply the next command ends with instead of moving (0x03 manually operated, 0xE3 rain …).</summary>
    public byte? NextRefusal { get; set; }

    public ushort Position
    {
        get { lock (_gate) return _position; }
        set { lock (_gate) _position = _target = value; }
    }

    public ushort Target
    {
        get { lock (_gate) return _target; }
        internal set { lock (_gate) _target = value; }
    }

    /// <summary>The closure range (0–100) a limitation holds the node in; null sides are not limited.</summary>
    public int? MinimumClosure { get; set; }
    public int? MaximumClosure { get; set; }

    /// <summary>The command originator of the limitation (1 user, 2 rain, 9 wind …).</summary>
    public byte LimitationOriginator { get; set; } = 1;

    /// <summary>How often the node was asked to wink (identify), and the wink time of the last request.</summary>
    public int Winks => _winks;
    public byte? LastWinkTime { get; private set; }

    private int _winks;

    internal void Winked(byte time)
    {
        LastWinkTime = time;
        Interlocked.Increment(ref _winks);
    }

    public int Closure => IoParameter.TryToClosure(Position, out var c) ? c : -1;

    public bool Moving { get; internal set; }

    internal CancellationTokenSource? Motion { get; set; }

    internal void MoveTo(ushort position)
    {
        lock (_gate) _position = position;
    }

    public static SimulatedIoNode RollerShutter(byte nodeId, int ioAddress, string name) => new(nodeId, ioAddress, name, 0x0080);

    public static SimulatedIoNode VeluxWindow(byte nodeId, int ioAddress, string name) => new(nodeId, ioAddress, name, 0x0101, SystemTableEntry.ManufacturerVelux);

    public static SimulatedIoNode Awning(byte nodeId, int ioAddress, string name) => new(nodeId, ioAddress, name, 0x0400);
}
