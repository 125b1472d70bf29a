namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>One read attribute status record: the value is present only when the status is success.</summary>
public sealed record ReadAttributeRecord(ushort AttributeId, ZclStatus Status, ZclValue? Value);
