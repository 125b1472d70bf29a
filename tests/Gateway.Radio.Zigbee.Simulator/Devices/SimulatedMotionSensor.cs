using Gateway.Radio.Zigbee.Devices;
using Gateway.Radio.Zigbee.Zcl;
using Gateway.Radio.Zigbee.Zcl.Clusters;

namespace Gateway.Radio.Zigbee.Simulator.Devices;

/// <summary>
/// A battery motion sensor on endpoint 1, sensing through Occupancy Sensing or, as many cheap ones do, through an IAS
/// zone of type motion. The IAS variant enrols like a real zone: the gateway writes its CIE address, the sensor asks to
/// enrol, the gateway answers; only an enrolled zone sends status change notifications.
/// </summary>
public sealed class SimulatedMotionSensor : SimulatedZigbeeDevice
{
    public const byte Endpoint = 1;
    private readonly bool _ias;

    public SimulatedMotionSensor(ulong ieee, ushort networkAddress, bool ias = false, string manufacturer = "Philips", string model = "SML001")
        : base(ieee, networkAddress, manufacturer, model, ZigbeePowerSource.Battery)
    {
        _ias = ias;
        AddEndpoint(Endpoint, ias ? (ushort)0x0402 : (ushort)0x0107,
            [ZclClusterId.PowerConfiguration, ias ? ZclClusterId.IasZone : ZclClusterId.OccupancySensing], [ZclClusterId.Ota]);
        Define(Endpoint, PowerConfigurationCluster.Id, PowerConfigurationCluster.BatteryPercentageRemaining, ZclValue.UInt8(200));
        if (ias)
        {
            Define(Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneState, ZclValue.Enum8(0));
            Define(Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneType, ZclValue.Enum16(Zcl.Clusters.IasZoneType.MotionSensor));
            Define(Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneStatus, ZclValue.Map16(0));
            Define(Endpoint, IasZoneCluster.Id, IasZoneCluster.IasCieAddress, ZclValue.Of(ZclDataType.Ieee, 0), writable: true);
            Define(Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneId, ZclValue.UInt8(0xFF));
        }
        else
        {
            Define(Endpoint, OccupancySensingCluster.Id, OccupancySensingCluster.Occupancy, ZclValue.Map8(0));
            Define(Endpoint, OccupancySensingCluster.Id, OccupancySensingCluster.OccupancySensorType, ZclValue.Enum8(0));
        }
    }

    public override ushort? IasZoneType => _ias ? Zcl.Clusters.IasZoneType.MotionSensor : null;

    public bool Enrolled => _ias && Attribute(Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneState)!.Integer == 1;

    public void SetMotion(bool motion)
    {
        if (_ias)
        {
            var status = (ushort)(motion ? IasZoneStatus.Alarm1 : IasZoneStatus.None);
            Set(Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneStatus, ZclValue.Map16(status));
            if (Enrolled)
            {
                var zoneId = (byte)Attribute(Endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneId)!.Integer;
                Send(Endpoint, IasZoneCluster.Id, new ZoneStatusChangeNotification((IasZoneStatus)status, 0, zoneId, 0).ToFrame(NextSequence()));
            }
        }
        else
        {
            Set(Endpoint, OccupancySensingCluster.Id, OccupancySensingCluster.Occupancy, ZclValue.Map8(motion ? (byte)1 : (byte)0));
        }
        Flush();
    }

    public void SetBattery(int percent)
    {
        Set(Endpoint, PowerConfigurationCluster.Id, PowerConfigurationCluster.BatteryPercentageRemaining, ZclValue.UInt8(PowerConfigurationCluster.HalfPercent(percent)));
        Flush();
    }

    protected override void OnAttributeWritten(byte endpoint, ushort cluster, ushort attribute, ZclValue value)
    {
        if (_ias && cluster == IasZoneCluster.Id && attribute == IasZoneCluster.IasCieAddress)
            Send(endpoint, IasZoneCluster.Id, new ZoneEnrollRequest(Zcl.Clusters.IasZoneType.MotionSensor, 0x100B).ToFrame(NextSequence()));
    }

    protected override ZclStatus? OnClusterCommand(byte endpoint, ushort cluster, ZclFrame frame)
    {
        if (!_ias || cluster != IasZoneCluster.Id) return null;
        if (!IasZoneCluster.TryParseZoneEnrollResponse(frame, out var code, out var zoneId))
            return frame.CommandId == IasZoneCluster.ZoneEnrollResponseCommand ? ZclStatus.MalformedCommand : null;
        if (code == IasZoneCluster.EnrollSuccess)
        {
            Set(endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneState, ZclValue.Enum8(1));
            Set(endpoint, IasZoneCluster.Id, IasZoneCluster.ZoneId, ZclValue.UInt8(zoneId));
        }
        return ZclStatus.Success;
    }
}
