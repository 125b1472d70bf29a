namespace Gateway.Radio.Zigbee.Protocol.Commands;

/// <summary>BDB commissioning modes (a bitmask), as APP_CNF_BDB_START_COMMISSIONING takes them.</summary>
[Flags]
public enum BdbCommissioningMode : byte
{
    None = 0x00,
    InitiatorTouchLink = 0x01,
    NetworkSteering = 0x02,
    NetworkFormation = 0x04,
    FindingBinding = 0x08,
    TouchLink = 0x10,
    ParentLost = 0x20,
}
