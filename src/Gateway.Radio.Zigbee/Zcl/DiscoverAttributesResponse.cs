namespace Gateway.Radio.Zigbee.Zcl;

public sealed record DiscoverAttributesResponse(bool Complete, IReadOnlyList<DiscoveredAttribute> Attributes)
{
    public static bool TryParse(ZclFrame frame, out DiscoverAttributesResponse response)
    {
        response = null!;
        var payload = frame.Payload;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.DiscoverAttributesResponse) || payload.Length < 1 || (payload.Length - 1) % 3 != 0) return false;
        var attributes = new DiscoveredAttribute[(payload.Length - 1) / 3];
        for (var i = 0; i < attributes.Length; i++)
        {
            var at = 1 + 3 * i;
            attributes[i] = new DiscoveredAttribute((ushort)(payload[at] | payload[at + 1] << 8), (ZclDataType)payload[at + 2]);
        }
        response = new DiscoverAttributesResponse(payload[0] != 0, attributes);
        return true;
    }
}
