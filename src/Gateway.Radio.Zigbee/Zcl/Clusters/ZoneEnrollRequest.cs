namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>The IAS zone enroll request a zone sends once its CIE address is written (ZCL spec §8.2.2.4.2).</summary>
public sealed record ZoneEnrollRequest(ushort ZoneType, ushort ManufacturerCode)
{
    public static bool TryParse(ZclFrame frame, out ZoneEnrollRequest request)
    {
        request = null!;
        var payload = frame.Payload;
        if (frame.FrameType != ZclFrameType.ClusterSpecific || frame.Direction != ZclDirection.ServerToClient
            || frame.CommandId != IasZoneCluster.ZoneEnrollRequestCommand || payload.Length < 4) return false;
        request = new ZoneEnrollRequest((ushort)(payload[0] | payload[1] << 8), (ushort)(payload[2] | payload[3] << 8));
        return true;
    }

    public ZclFrame ToFrame(byte sequence) =>
        ZclFrame.ClusterCommand(sequence, IasZoneCluster.ZoneEnrollRequestCommand,
            [(byte)ZoneType, (byte)(ZoneType >> 8), (byte)ManufacturerCode, (byte)(ManufacturerCode >> 8)], ZclDirection.ServerToClient);
}
