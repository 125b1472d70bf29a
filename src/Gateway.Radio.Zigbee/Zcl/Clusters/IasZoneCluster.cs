namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>IAS Zone (0x0500), ZCL spec §8.2.</summary>
public static class IasZoneCluster
{
    public const ushort Id = ZclClusterId.IasZone;

    public const ushort ZoneState = 0x0000; // enum8, 1 = enrolled
    public const ushort ZoneType = 0x0001; // enum16
    public const ushort ZoneStatus = 0x0002; // map16
    public const ushort IasCieAddress = 0x0010; // EUI64
    public const ushort ZoneId = 0x0011; // uint8

    // Server → client
    public const byte ZoneStatusChangeNotificationCommand = 0x00;
    public const byte ZoneEnrollRequestCommand = 0x01;
    // Client → server
    public const byte ZoneEnrollResponseCommand = 0x00;

    public const byte EnrollSuccess = 0x00;
    public const byte EnrollNotSupported = 0x01;
    public const byte EnrollNoEnrollPermit = 0x02;
    public const byte EnrollTooManyZones = 0x03;

    public static ZclFrame ZoneEnrollResponse(byte sequence, byte zoneId, byte responseCode = EnrollSuccess) =>
        ZclFrame.ClusterCommand(sequence, ZoneEnrollResponseCommand, [responseCode, zoneId]);

    public static bool TryParseZoneEnrollResponse(ZclFrame frame, out byte responseCode, out byte zoneId)
    {
        responseCode = zoneId = 0;
        if (frame.FrameType != ZclFrameType.ClusterSpecific || frame.Direction != ZclDirection.ClientToServer
            || frame.CommandId != ZoneEnrollResponseCommand || frame.Payload.Length < 2) return false;
        responseCode = frame.Payload[0];
        zoneId = frame.Payload[1];
        return true;
    }

    /// <summary>Writes the coordinator's IEEE address as the zone's CIE, the first step of enrolment.</summary>
    public static ZclFrame WriteCieAddress(byte sequence, ulong coordinatorIeee) =>
        ZclGlobal.WriteAttributes(sequence, (IasCieAddress, ZclValue.Of(ZclDataType.Ieee, (long)coordinatorIeee)));
}
