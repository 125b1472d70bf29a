namespace Gateway.Radio.Zigbee.Zcl;

public sealed record DiscoverAttributesRequest(ushort StartAttributeId, byte MaximumCount)
{
    public static bool TryParse(ZclFrame frame, out DiscoverAttributesRequest request)
    {
        request = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.DiscoverAttributes) || frame.Payload.Length < 3) return false;
        request = new DiscoverAttributesRequest((ushort)(frame.Payload[0] | frame.Payload[1] << 8), frame.Payload[2]);
        return true;
    }
}
