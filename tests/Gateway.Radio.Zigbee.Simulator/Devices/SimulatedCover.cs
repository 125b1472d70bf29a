using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Simulator.Devices;

/// <summary>
/// A roller shutter motor on endpoint 1 (HA device 0x0202). It travels from fully open (lift 0 %) to fully closed
/// (100 %) in <c>travelTime</c>, one percent at a time on the given clock, and reports its position as it goes when
/// reporting is configured.
/// </summary>
public sealed class SimulatedCover : SimulatedZigbeeDevice, IDisposable
{
    public const byte Endpoint = 1;
    private readonly TimeProvider _time;
    private readonly TimeSpan _stepTime;
    private ITimer? _timer;
    private byte _target;

    public SimulatedCover(ulong ieee, ushort networkAddress, TimeProvider time, TimeSpan travelTime, byte initialPosition = 0,
        string manufacturer = "Somfy", string model = "Sonesse 30 Zigbee")
        : base(ieee, networkAddress, manufacturer, model, ZigbeePowerSource.Mains)
    {
        _time = time;
        _stepTime = travelTime / 100;
        _target = Math.Min(initialPosition, (byte)100);
        AddEndpoint(Endpoint, 0x0202, [ZclClusterId.Groups, ZclClusterId.Scenes, ZclClusterId.WindowCovering], [ZclClusterId.Ota]);
        Define(Endpoint, WindowCoveringCluster.Id, WindowCoveringCluster.WindowCoveringType, ZclValue.Enum8(0));
        Define(Endpoint, WindowCoveringCluster.Id, WindowCoveringCluster.CurrentPositionLiftPercentage, ZclValue.UInt8(_target));
    }

    /// <summary>Lift percentage: 0 fully open, 100 fully closed.</summary>
    public byte Position => (byte)Attribute(Endpoint, WindowCoveringCluster.Id, WindowCoveringCluster.CurrentPositionLiftPercentage)!.Integer;

    public bool Moving
    {
        get { lock (Gate) return _timer is not null; }
    }

    protected override ZclStatus? OnClusterCommand(byte endpoint, ushort cluster, ZclFrame frame)
    {
        if (cluster != WindowCoveringCluster.Id) return null;
        switch (frame.CommandId)
        {
            case WindowCoveringCluster.UpOpenCommand: MoveTo(0); return ZclStatus.Success;
            case WindowCoveringCluster.DownCloseCommand: MoveTo(100); return ZclStatus.Success;
            case WindowCoveringCluster.StopCommand: Stop(); return ZclStatus.Success;
            case WindowCoveringCluster.GoToLiftPercentageCommand:
                if (!WindowCoveringCluster.TryParseGoToLiftPercentage(frame, out var percent))
                    return frame.Payload.Length == 0 ? ZclStatus.MalformedCommand : ZclStatus.InvalidValue;
                MoveTo(percent);
                return ZclStatus.Success;
            default:
                return null;
        }
    }

    private void MoveTo(byte target)
    {
        lock (Gate)
        {
            _target = target;
            if (target == Position) return;
            _timer ??= _time.CreateTimer(_ => Step(), null, _stepTime, _stepTime);
        }
    }

    private void Stop()
    {
        lock (Gate)
        {
            _target = Position;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Step()
    {
        lock (Gate)
        {
            if (_timer is null) return;
            var position = Position;
            if (position != _target)
            {
                position = (byte)(position + Math.Sign(_target - position));
                Set(Endpoint, WindowCoveringCluster.Id, WindowCoveringCluster.CurrentPositionLiftPercentage, ZclValue.UInt8(position));
            }
            if (position == _target)
            {
                _timer.Dispose();
                _timer = null;
            }
        }
        Flush();
    }

    public void Dispose() => Stop();
}
