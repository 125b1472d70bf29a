namespace Gateway.Radio.Zigbee.Zcl;

public sealed record ReadAttributesRequest(IReadOnlyList<ushort> AttributeIds)
{
    public static bool TryParse(ZclFrame frame, out ReadAttributesRequest request)
    {
        request = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.ReadAttributes) || frame.Payload.Length % 2 != 0) return false;
        var ids = new ushort[frame.Payload.Length / 2];
        for (var i = 0; i < ids.Length; i++) ids[i] = (ushort)(frame.Payload[2 * i] | frame.Payload[2 * i + 1] << 8);
        request = new ReadAttributesRequest(ids);
        return true;
    }
}
