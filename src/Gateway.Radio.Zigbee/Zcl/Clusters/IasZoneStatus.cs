namespace Gateway.Radio.Zigbee.Zcl.Clusters;

/// <summary>Bits of the IAS zone status (ZCL spec §8.2.2.2.1.3).</summary>
[Flags]
public enum IasZoneStatus : ushort
{
    None = 0,
    Alarm1 = 0x0001,
    Alarm2 = 0x0002,
    Tamper = 0x0004,
    BatteryLow = 0x0008,
    SupervisionReports = 0x0010,
    RestoreReports = 0x0020,
    Trouble = 0x0040,
    AcMainsFault = 0x0080,
    Test = 0x0100,
    BatteryDefect = 0x0200,
}
