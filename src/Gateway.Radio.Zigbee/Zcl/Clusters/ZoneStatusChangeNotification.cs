namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>
/// The IAS zone status change notification (ZCL spec §8.2.2.4.1). Devices built on ZHA 1.2 omit the zone id and
/// delay, so only the status is required.
/// </summary>
public sealed record ZoneStatusChangeNotification(IasZoneStatus ZoneStatus, byte ExtendedStatus, byte ZoneId, ushort DelayQuarterSeconds)
{
    public static bool TryParse(ZclFrame frame, out ZoneStatusChangeNotification notification)
    {
        notification = null!;
        var payload = frame.Payload;
        if (frame.FrameType != ZclFrameType.ClusterSpecific || frame.Direction != ZclDirection.ServerToClient
            || frame.CommandId != IasZoneCluster.ZoneStatusChangeNotificationCommand || payload.Length < 2) return false;
        notification = new ZoneStatusChangeNotification(
            (IasZoneStatus)(payload[0] | payload[1] << 8),
            payload.Length > 2 ? payload[2] : (byte)0,
            payload.Length > 3 ? payload[3] : (byte)0xFF,
            payload.Length > 5 ? (ushort)(payload[4] | payload[5] << 8) : (ushort)0);
        return true;
    }

    public ZclFrame ToFrame(byte sequence) =>
        ZclFrame.ClusterCommand(sequence, IasZoneCluster.ZoneStatusChangeNotificationCommand,
            [(byte)ZoneStatus, (byte)((ushort)ZoneStatus >> 8), ExtendedStatus, ZoneId, (byte)DelayQuarterSeconds, (byte)(DelayQuarterSeconds >> 8)],
            ZclDirection.ServerToClient);
}
