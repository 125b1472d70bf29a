namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>A write attributes request (also the undivided and no-response forms).</summary>
public sealed record WriteAttributesRequest(IReadOnlyList<(ushort Id, ZclValue Value)> Attributes)
{
    public static bool TryParse(ZclFrame frame, out WriteAttributesRequest request)
    {
        request = null!;
        if (!frame.IsGlobal || frame.CommandId is not (ZclGlobalCommand.WriteAttributes or ZclGlobalCommand.WriteAttributesUndivided or ZclGlobalCommand.WriteAttributesNoResponse))
            return false;
        if (!ZclGlobal.TryReadAttributeList(frame.Payload, out var attributes)) return false;
        request = new WriteAttributesRequest(attributes);
        return true;
    }
}
