namespace Gateway.Radio.Zigbee.Zcl;

/// <summary>One attribute status record of a configure reporting response; the attribute is absent in the all-success form.</summary>
public sealed record ConfigureReportingStatus(ZclStatus Status, byte Direction, ushort? AttributeId);
