namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>A report attributes command (ZCL spec §2.5.11).</summary>
public sealed record AttributeReport(IReadOnlyList<(ushort Id, ZclValue Value)> Attributes)
{
    public static bool TryParse(ZclFrame frame, out AttributeReport report)
    {
        report = null!;
        if (!frame.IsGlobalCommand(ZclGlobalCommand.ReportAttributes)) return false;
        if (!ZclGlobal.TryReadAttributeList(frame.Payload, out var attributes)) return false;
        report = new AttributeReport(attributes);
        return true;
    }
}
