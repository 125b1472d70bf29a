namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>
/// One attribute reporting configuration record, direction "reported" (ZCL spec §2.5.7.1). The reportable change is
/// sent only for analog types; when it is null for an analog type, a change of zero is sent.
/// </summary>
public sealed record ReportingConfiguration(
    ushort AttributeId,
    ZclDataType DataType,
    ushort MinimumInterval,
    ushort MaximumInterval,
    ZclValue? ReportableChange = null);
