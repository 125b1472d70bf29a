namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>One write attribute status record; the attribute id is absent in the single-byte all-success form.</summary>
public sealed record WriteAttributeStatus(ZclStatus Status, ushort? AttributeId);
